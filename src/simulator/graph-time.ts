// Times as Graph writes them: UTC in whole seconds ("2026-12-01T10:00:00Z").

export const graphDateTime = (time: Date | number): string => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
