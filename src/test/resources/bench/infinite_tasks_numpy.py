"""NumPy reference for the speed of infinite-task FO-ANIL (the d-independent step of InfiniteTaskDynamics).

The same recursion in the same coordinates Z = [P; R] (n x k', n = k + min(d - k, k')), written the natural NumPy
way: one Gram product N = Z Z^T, one product K Z, rank-one terms. Run single-threaded with OpenBLAS free to pick its
best kernels (the machine's OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE pins are removed for a fair comparison):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 python3 infinite_tasks_numpy.py [seconds]

prints iterations per second of CPU time at d = k' = 50, k = 5, m_in = 20 (and m_in = inf).

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 \
        python3 infinite_tasks_numpy.py --versus target/anil-explorer.jar [--repeats 7] [--m-in 20] [seconds]

times NumPy and the jar's `bench` (one thread, same parameters) alternately, `repeats` times each, and prints both
rates per CPU-second of the stepping thread with their medians and ratio: on a machine shared with other work only
rates measured close together in time compare.
"""
import argparse
import json
import os
import statistics
import subprocess
import time

import numpy as np

# the parameters both sides use (the jar gets them as --set KEY=VALUE)
SETTINGS = dict(tasks="inf", d=50, k=5, k_prime=50, alpha=0.1, beta=0.1, sigma2=4, task_cov="linear",
                init_scale=0.1, w0_scale=0.07)


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


def jar_rate(jar, m_in, iterations):
    """The jar's bench on one thread: (iterations per CPU-second of the stepping thread, per wall second, GFLOP/s)."""
    cmd = ["java", "-jar", jar, "bench", "--threads", "1", "--warmup", "20000", "--iterations", str(iterations), "--json"]
    for key, value in dict(SETTINGS, m_in=("inf" if np.isinf(m_in) else f"{m_in:g}")).items():
        cmd += ["--set", f"{key}={value}"]
    out = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    return out["thread_cpu_iterations_per_second"], out["iterations_per_second"], out["thread_cpu_gflops"]


def versus(jar, m_in, repeats, seconds, iterations):
    numpy_rates, java_rates = [], []
    print(f"d=50 k'=50 k=5 m_in={m_in:g}; rates per CPU-second of the stepping thread, alternating")
    for r in range(repeats):
        load = os.getloadavg()[0]
        nr = rate(m_in, seconds)
        jr, wall, gflops = jar_rate(jar, m_in, iterations)
        numpy_rates.append(nr)
        java_rates.append(jr)
        print(f"  {r + 1}: numpy {nr:8.0f} it/s   java {jr:8.0f} it/s ({gflops:.2f} GFLOP/s; wall {wall:.0f} it/s)"
              f"   ratio {jr / nr:.2f}   load {load:.1f}")
    mn, mj = statistics.median(numpy_rates), statistics.median(java_rates)
    ratios = [j / n for j, n in zip(java_rates, numpy_rates)]
    print(f"median: numpy {mn:.0f} it/s, java {mj:.0f} it/s: {mj / mn:.2f}x "
          f"(median of the per-repetition ratios {statistics.median(ratios):.2f}x, range {min(ratios):.2f}-{max(ratios):.2f})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="NumPy reference for the infinite-task step")
    parser.add_argument("seconds", nargs="?", type=float, default=3.0, help="CPU seconds per NumPy timing")
    parser.add_argument("--versus", metavar="JAR", help="also time this jar's bench, alternately")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--m-in", type=float, default=20.0)
    parser.add_argument("--iterations", type=int, default=60000, help="iterations the jar times per repetition")
    args = parser.parse_args()
    if args.versus:
        versus(args.versus, args.m_in, args.repeats, args.seconds, args.iterations)
    else:
        for m in (20.0, float("inf")):
            print(f"numpy d=50 k'=50 k=5 m_in={m:g}: {rate(m, args.seconds):.0f} it/s (CPU)")
