// A list loaded once per page load and shared by the screens that need it
// (organizations, projects: short lists that records name by id). A failed
// load is not kept; a write that changes the list forgets it, and so does
// forget() (a list found to lack a record made elsewhere).
export function cached(load) {
  let pending = null;
  const get = () => {
    pending ??= load().catch((problem) => {
      pending = null;
      throw problem;
    });
    return pending;
  };
  // The answer of a write to the list, once the list is forgotten (not when it is refused).
  get.forget = () => {
    pending = null;
  };
  get.changedBy = async (write) => {
    const answer = await write;
    pending = null;
    return answer;
  };
  return get;
}
