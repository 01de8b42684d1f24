// Query strings, for the API and for the app's own addresses alike: empty
// values are left out, so a blank filter narrows nothing.

// The entries of `params` that carry a value.
export function present(params) {
  return Object.entries(params || {}).filter(([, v]) => v !== null && v !== undefined && v !== '');
}

// {status: 'held', city: ''} -> 'status=held'
export function queryString(params) {
  return new URLSearchParams(present(params).map(([k, v]) => [k, String(v)])).toString();
}
