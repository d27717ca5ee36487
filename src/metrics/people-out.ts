// People without a service, each resident counted once. An asset's `people` are the residents who
// lose its service, and the same residents depend on several assets (the plant, the substation, the
// pumping station of one city), so summing over assets counts them again and again — a city's
// people-days could exceed its population times the days. Here service areas are taken as nested:
// at any moment the people without service are the largest group among the assets then out. That
// is a lower bound (disjoint areas would be the sum); the per-asset figures stay per asset.

export interface ServiceOutage {
  /** Residents who lose the service while the asset is out. */
  people: number;
  /** How long it is out, in any unit of time (days here). */
  duration: number;
}

/** The largest group ever without service, and the integral over time of those without it. */
export function peopleOutOfService(outages: readonly ServiceOutage[]): {
  people: number;
  peopleTime: number;
} {
  const out = outages.filter((o) => o.duration > 0 && o.people > 0).sort((a, b) => b.duration - a.duration);
  let people = 0;
  let peopleTime = 0;
  for (let k = 0; k < out.length; k++) {
    // Between the k+1-th longest outage's end and the k-th's, the k longest are out.
    people = Math.max(people, out[k].people);
    peopleTime += people * (out[k].duration - (k + 1 < out.length ? out[k + 1].duration : 0));
  }
  return { people, peopleTime };
}
