/**
 * Unconstrained minimisation by BFGS with a backtracking (Armijo) line search (Nocedal & Wright, Numerical
 * Optimization, 2nd ed., Algorithm 6.1 and §3.1). The model's likelihoods have ~10 parameters and smooth analytic
 * gradients, which is the case BFGS is made for; the inverse-Hessian update is skipped when the curvature
 * condition sᵀy > 0 fails, which keeps it positive definite without a Wolfe search.
 */

export interface Objective {
  /** Value and gradient at x (the gradient written into g). */
  (x: Float64Array, g: Float64Array): number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
}

export function minimize(
  f: Objective,
  x0: ArrayLike<number>,
  maxIterations = 300,
  gradTolerance = 1e-7,
): MinimizeResult {
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = f(x, g);
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) h[i * n + i] = 1;
  const d = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const hy = new Float64Array(n);
  for (let it = 0; it < maxIterations; it++) {
    let gmax = 0;
    for (let i = 0; i < n; i++) gmax = Math.max(gmax, Math.abs(g[i] ?? 0));
    if (gmax < gradTolerance) return { x, value: fx, iterations: it, converged: true };
    // d = −H g
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= (h[i * n + j] ?? 0) * (g[j] ?? 0);
      d[i] = v;
      slope += v * (g[i] ?? 0);
    }
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      h.fill(0);
      for (let i = 0; i < n; i++) {
        h[i * n + i] = 1;
        d[i] = -(g[i] ?? 0);
      }
      slope = -d.reduce((a, v) => a + v * v, 0);
    }
    // First iteration: H = I would step by the raw gradient, which on a sum over thousands of rows overshoots by
    // orders of magnitude and costs many halvings; cap the first move at 1 in every coordinate instead.
    let step = it === 0 && gmax > 1 ? 1 / gmax : 1;
    const xNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    let fNew = Infinity;
    for (let k = 0; k < 60; k++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] ?? 0) + step * (d[i] ?? 0);
      fNew = f(xNew, gNew);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew <= fx)) return { x, value: fx, iterations: it, converged: false };
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] ?? 0) - (x[i] ?? 0);
      y[i] = (gNew[i] ?? 0) - (g[i] ?? 0);
      sy += (s[i] ?? 0) * (y[i] ?? 0);
    }
    const improvement = fx - fNew;
    x = xNew;
    g = gNew;
    fx = fNew;
    if (sy > 1e-12) {
      if (it === 0) {
        // Scale H₀ = (sᵀy / yᵀy)·I before the first update (Nocedal & Wright eq. 6.20), so the initial inverse
        // Hessian has the curvature of the problem rather than 1.
        let yy = 0;
        for (let i = 0; i < n; i++) yy += (y[i] ?? 0) ** 2;
        h.fill(0);
        for (let i = 0; i < n; i++) h[i * n + i] = sy / yy;
      }
      updateInverseHessian(h, s, y, hy, sy, n);
    }
    if (improvement < 1e-14 * (1 + Math.abs(fx)))
      return { x, value: fx, iterations: it + 1, converged: true };
  }
  return { x, value: fx, iterations: maxIterations, converged: false };
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, expanded: H − ρ(s (Hy)ᵀ + (Hy) sᵀ) + (ρ² yᵀHy + ρ) s sᵀ. */
function updateInverseHessian(
  h: Float64Array,
  s: Float64Array,
  y: Float64Array,
  hy: Float64Array,
  sy: number,
  n: number,
): void {
  const rho = 1 / sy;
  let yhy = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += (h[i * n + j] ?? 0) * (y[j] ?? 0);
    hy[i] = v;
    yhy += (y[i] ?? 0) * v;
  }
  const c = rho * rho * yhy + rho;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const si = s[i] ?? 0;
      const sj = s[j] ?? 0;
      h[i * n + j] = (h[i * n + j] ?? 0) - rho * (si * (hy[j] ?? 0) + (hy[i] ?? 0) * sj) + c * si * sj;
    }
  }
}
