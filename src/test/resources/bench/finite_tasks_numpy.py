"""Reference timing: one finite-task FO-ANIL step in NumPy, vectorised over tasks (batched matrix products).

The same algebra as core.algo.FiniteMetaLearning (docs/math.md §3.1) at the Table 1 size by default:
    g_i = X_in,iᵀ(X_in,i v − y_in,i)/m_in,   p_i = v − α B Bᵀ g_i,   r_i = X_out,iᵀ(X_out,i p_i − y_out,i)/m_out
    ∇_B = (Σ r_i wᵀ − α (Σ r_i g_iᵀ) B)/N,   ∇_w = Bᵀ Σ r_i / N
Prints the best of several steps by this process's CPU time (so the figure holds on a shared machine), iterations
per CPU-second and the one-core streaming rate timed the same way (a sum over 256 MB). Run single-threaded to
compare with one Java core:
    OPENBLAS_NUM_THREADS=1 python3 finite_tasks_numpy.py [N] [steps]
"""
import sys
import time

import numpy as np


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    d, kp, m_in, m_out, alpha, beta = 50, 50, 20, 10, 0.2, 0.1
    rng = np.random.default_rng(1)
    x = rng.standard_normal((n, m_in + m_out, d))
    y = rng.standard_normal((n, m_in + m_out))
    x_in, x_out = x[:, :m_in], x[:, m_in:]
    y_in, y_out = y[:, :m_in], y[:, m_in:]
    b = rng.standard_normal((d, kp)) / np.sqrt(d)
    w = rng.standard_normal(kp) * 0.1
    best = float("inf")
    for _ in range(steps):
        start = time.process_time()
        v = b @ w
        e_in = x_in @ v - y_in
        g = np.matmul(e_in[:, None, :], x_in)[:, 0, :] / m_in
        p = v - alpha * (g @ b) @ b.T
        e_out = np.matmul(x_out, p[:, :, None])[:, :, 0] - y_out
        r = np.matmul(e_out[:, None, :], x_out)[:, 0, :] / m_out
        r_sum = r.sum(axis=0)
        grad_b = (np.outer(r_sum, w) - alpha * (r.T @ g) @ b) / n
        grad_w = b.T @ r_sum / n
        b = b - beta * grad_b
        w = w - beta * grad_w
        best = min(best, time.process_time() - start)
    probe = np.ones(32 << 20)
    read = min(_timed_sum(probe) for _ in range(5))
    task_bytes = 8.0 * n * (m_in + m_out) * (d + 1)
    floor = task_bytes * read / probe.nbytes
    print(f"numpy {np.__version__} FO-ANIL N={n}: {1 / best:.1f} it per CPU-second; one core streams "
          f"{probe.nbytes / read / 1e9:.1f} GB per CPU-second: floor {1 / floor:.1f} it/s, "
          f"{100 * floor / best:.0f} % of it")


def _timed_sum(a):
    start = time.process_time()
    a.sum()
    return time.process_time() - start


if __name__ == "__main__":
    main()
