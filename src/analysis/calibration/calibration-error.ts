// A calibration the inputs cannot support (a base scenario without a wave of a type a night
// launches, a figure nothing in the scenario uses): the CLI reports it as a user error.

export class CalibrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalibrationError';
  }
}
