/**
 * What is measured of θ_t = (B_t, w_t) at a recorded iteration, and when.
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
 *   <li>The recording schedule is dense up to 100 iterations, then log-spaced (100 per decade), so a run of T
 *       iterations stores ≈ 100 + 100·log10(T/100) snapshots.</li>
 * </ul>
 */
package org.anilexplorer.core.metrics;
