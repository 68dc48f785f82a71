/**
 * Test-time evaluation of a learned representation (docs/math.md §6): fresh test tasks, the estimators 1-GD, k-step GD,
 * ridge on the learned features, single-task ridge and oracle ridge, and their risks in both conventions
 * (½‖θ̂ − θ⋆‖² as in Table 1, and ‖θ̂ − θ⋆‖²).
 *
 * <p>Decisions that shape the package:
 * <ul>
 *   <li>Fairness: a test task depends only on (seed, index) and its rows are drawn one after another, so every
 *       method, estimator and thread count sees the same tasks, and the m_test = 20 task is a prefix of the
 *       m_test = 30 task ({@link org.anilexplorer.core.eval.TestTasks}).</li>
 *   <li>Ridge protocol (the paper says only "grid-search"): 25 log-spaced λ over scale·[10⁻⁴, 10²] in the convention
 *       ŵ_λ = (FᵀF + m_test·λ·I)⁻¹Fᵀy, scale = ‖RRᵀ‖ of the feature map, λ chosen by the best mean risk over the test
 *       tasks per estimator and m_test, with a flag when the choice is on the grid's edge
 *       ({@link org.anilexplorer.core.eval.LambdaGrid}).</li>
 *   <li>Cost: one symmetric eigendecomposition of the smaller Gram matrix per task and m_test gives every λ; the
 *       learned model is used in the coordinates of its SVD, so per-task work is in r = rank(B̂) dimensions; the
 *       baselines (orthonormal features containing θ⋆) need O(min(p, m)) per λ.</li>
 *   <li>Determinism: tasks are grouped in fixed blocks whose running moments are merged in block order, so the
 *       report is bit-identical for any number of threads.</li>
 * </ul>
 */
package org.anilexplorer.core.eval;
