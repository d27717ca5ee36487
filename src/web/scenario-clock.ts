// Seconds after scenario start shown as the scenario's own wall clock (its start time's offset).

export function clockLabel(startIso: string, t: number): string {
  const m = /T(\d{2}):(\d{2}):(\d{2})/.exec(startIso);
  const start = m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : 0;
  const s = Math.floor(start + t);
  const day = Math.floor(s / 86400);
  const r = ((s % 86400) + 86400) % 86400;
  const hh = String(Math.floor(r / 3600)).padStart(2, '0');
  const mm = String(Math.floor((r % 3600) / 60)).padStart(2, '0');
  const ss = String(r % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}${day > 0 ? ` +${day}d` : ''}`;
}
