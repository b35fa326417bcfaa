// jstat ships no types; this declares only the part the readiness model uses.
declare module "jstat" {
  interface JStatBeta {
    /** Quantile function of Beta(alpha, beta). */
    inv(p: number, alpha: number, beta: number): number;
    cdf(x: number, alpha: number, beta: number): number;
    mean(alpha: number, beta: number): number;
    variance(alpha: number, beta: number): number;
  }
  interface JStat {
    beta: JStatBeta;
  }
  const jStat: JStat;
  export = jStat;
}
