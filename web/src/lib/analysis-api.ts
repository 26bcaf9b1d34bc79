/** URLs of the analysis endpoints; `query` strings are built by the pages (no leading "?"). */
const withQuery = (path: string, query: string): string => (query === '' ? path : `${path}?${query}`);

export const analysisApi = {
  hotspots: (query: string) => withQuery('/api/v1/hotspots', query),
  emerging: (query: string) => withQuery('/api/v1/hotspots/emerging', query),
  drawdown: (query: string) => withQuery('/api/v1/drawdown', query),
  ranking: (query: string) => withQuery('/api/v1/drawdown/ranking', query),
  leaders: (query: string) => withQuery('/api/v1/trends/perpetrators', query),
};
