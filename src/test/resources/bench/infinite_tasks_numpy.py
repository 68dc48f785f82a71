"""NumPy reference for the speed of infinite-task FO-ANIL (the d-independent step of InfiniteTaskDynamics).

The same recursion in the same coordinates Z = [P; R] (n x k', n = k + min(d - k, k')), written the natural NumPy
way: one Gram product N = Z Z^T, one product K Z, rank-one terms. Run single-threaded with OpenBLAS free to pick its
best kernels (the machine's OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE pins are removed for a fair comparison):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 python3 infinite_tasks_numpy.py [seconds]

Prints iterations per second of CPU time at d = k' = 50, k = 5, m_in = 20 (and m_in = inf).
"""
import sys
import time

import numpy as np


def make(d=50, k=5, kp=50, m_in=20.0, alpha=0.1, beta=0.1, sigma2=4.0, seed=1):
    rng = np.random.default_rng(seed)
    n = k + min(d - k, kp)
    c = np.sqrt(k / np.sum(np.arange(1, k + 1) ** 2))
    s = c * np.arange(1, k + 1)
    z = rng.normal(0, 0.1 / np.sqrt(d), (n, kp))
    w = rng.normal(0, 0.07 / np.sqrt(kp), kp)
    return dict(z=z, w=w, k=k, s=s, mu=np.zeros(k), alpha=alpha, beta=beta,
                inv_m=0.0 if np.isinf(m_in) else 1.0 / m_in, tr=s.sum(), sigma2=sigma2)


def step(st):
    z, w, k, s, mu = st["z"], st["w"], st["k"], st["s"], st["mu"]
    alpha, beta, inv_m = st["alpha"], st["beta"], st["inv_m"]
    vc = z @ w
    vc[:k] -= mu
    u = z.T @ vc
    a = w - alpha * u
    zu = z @ u
    ac = vc - alpha * zu
    grad_w = z.T @ ac
    gamma = alpha * alpha * inv_m * (vc @ vc + st["tr"] + st["sigma2"])
    gram = z @ z.T
    kmat = gamma * gram
    kmat[:, :k] += alpha * alpha * (1 + inv_m) * gram[:, :k] * s
    kmat[np.arange(k), np.arange(k)] -= alpha * s
    st["z"] = z - beta * (kmat @ z) - beta * np.outer(ac, a) - beta * alpha * alpha * inv_m * np.outer(zu, u)
    st["w"] = w - beta * grad_w


def rate(m_in, seconds):
    st = make(m_in=m_in)
    for _ in range(2000):
        step(st)
    steps = 0
    t0 = time.process_time()
    while time.process_time() - t0 < seconds:
        for _ in range(500):
            step(st)
        steps += 500
    return steps / (time.process_time() - t0)


if __name__ == "__main__":
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    for m in (20.0, float("inf")):
        print(f"numpy d=50 k'=50 k=5 m_in={m:g}: {rate(m, seconds):.0f} it/s (CPU)")
