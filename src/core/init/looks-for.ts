// Said by `odyssey init --help` and by init's "no table" message. A file of its own, importing
// nothing, so that --help does not load the markdown parser to print it.
export const WHAT_INIT_LOOKS_FOR =
  'init looks for a table under a heading such as "## Progress Tracking Table", or else the first table whose header has a Module/Topic column and a Status column (as in the template README)';
