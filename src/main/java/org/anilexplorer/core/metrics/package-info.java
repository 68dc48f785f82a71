/**
 * What is measured of θ_t = (B_t, w_t) at a recorded iteration, and when (docs/math.md §5).
 *
 * <p>Decisions:
 * <ul>
 *   <li>Every metric is computed from P = B⋆ᵀB (k×k'), G = (B⋆,⊥ᵀB)ᵀ(B⋆,⊥ᵀB) (k'×k') and w, never from the d×k'
 *       matrix B, so a record costs O(k'³) whatever d is. The infinite-task run is measured from its coordinate Gram
 *       N = ZZᵀ (n×n), which holds Λ = PPᵀ, and RRᵀ with the spectrum of G; its B is never formed.</li>
 *   <li>The principal-angle distance of Collins et al. is the largest eigenvalue of the pencil (G, BᵀB) on the
 *       numerical range of BᵀB, formed from G itself so small distances keep their relative precision; a direction
 *       of null(P) that G sees makes it exactly 1 without an eigen-decomposition (the generic case k' > k).</li>
 *   <li>Eigenvalues of the Gram matrices come from a small values-only solver (Householder + root-free QL) about
 *       twice as fast as EJML's; both paths scale the input and flush entries below 1e-20 relative, because Gram
 *       matrices of an exponentially unlearned B⋆,⊥ᵀB underflow in healthy runs.</li>
 *   <li>The recording schedule ({@link org.anilexplorer.core.metrics.RecordingSchedule#DEFAULT}) records every
 *       iteration up to 10, then 50 log-spaced iterations per decade with every power of ten among them, and the
 *       last one, so a run of T iterations stores ≈ 11 + 50·log10(T/10) snapshots and measuring stays a small share
 *       of even the cheapest run (docs/math.md §5.6, docs/decisions/0004-recording-schedule.md).</li>
 * </ul>
 */
package org.anilexplorer.core.metrics;
