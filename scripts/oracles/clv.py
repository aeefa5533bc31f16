#!/usr/bin/env python3
"""Independent oracle for the customer-value functions (CLV, CLVMODEL).

Fits BG/NBD (Fader, Hardie & Lee 2005) and Gamma-Gamma (Fader & Hardie 2013) on the CDNOW sample with
scipy.optimize, evaluates the per-customer formulas with scipy.special (hyp2f1 in its direct, untransformed
form) and tabulates 2F1 in hard regions, cross-checked by numerical integration of Euler's integral.
Writes test/fixtures/clv/*.json. Run with /usr/bin/python3 (numpy, scipy) from the repository root:

    /usr/bin/python3 scripts/oracles/clv.py
"""
import datetime as dt
import warnings
import json
import math
import os

import numpy as np
from scipy import integrate, optimize, special

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "..", "shared", "data", "cdnow", "CDNOW_sample.txt")
OUT = os.path.join(ROOT, "test", "fixtures", "clv")
AS_OF = dt.date(1997, 9, 30)


def read_log():
    """Per customer: the set of order days (as dates) and the amount of each day, same-day orders merged."""
    customers = {}
    order = []
    with open(DATA) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            cid = int(parts[1])
            day = dt.datetime.strptime(parts[2], "%Y%m%d").date()
            if day > AS_OF:
                continue
            if cid not in customers:
                customers[cid] = {}
                order.append(cid)
            customers[cid][day] = customers[cid].get(day, 0.0) + float(parts[4])
    return order, customers


def summaries(order, customers, unit):
    rows = []
    for cid in order:
        days = sorted(customers[cid])
        first, last = days[0], days[-1]
        x = len(days) - 1
        repeat = [customers[cid][d] for d in days[1:]]
        rows.append({
            "id": cid,
            "x": x,
            "tx": (last - first).days / unit,
            "T": (AS_OF - first).days / unit,
            "m": sum(repeat) / x if x > 0 else None,
        })
    return rows


def bgnbd_ll(params, x, tx, T):
    r, alpha, a, b = params
    ln_a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    ln_a2 = special.betaln(a, b + x) - special.betaln(a, b)
    ln_a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore"):
        ln_a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx), -np.inf)
    return float(np.sum(ln_a1 + ln_a2 + np.logaddexp(ln_a3, ln_a4)))


def fit_bgnbd(x, tx, T, start):
    def negative(theta):
        return -bgnbd_ll(np.exp(theta), x, tx, T)

    best = None
    for method in ("Nelder-Mead", "BFGS"):
        res = optimize.minimize(negative, np.log(start), method=method,
                                options={"xatol": 1e-12, "fatol": 1e-12, "maxiter": 40000, "maxfev": 40000}
                                if method == "Nelder-Mead" else {"gtol": 1e-9})
        if best is None or res.fun < best.fun:
            best = res
        start = np.exp(res.x)
    return np.exp(best.x), -best.fun


def p_alive(params, x, tx, T):
    r, alpha, a, b = params
    if x == 0:
        return 1.0
    return 1.0 / (1.0 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x))


def expected(params, t, x, tx, T):
    r, alpha, a, b = params
    z = t / (alpha + T + t)
    hyp = special.hyp2f1(r + x, b + x, a + b + x - 1, z)
    first = (a + b + x - 1) / (a - 1)
    second = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp
    denominator = 1 + (x > 0) * (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x)
    return first * second / denominator


def gg_ll(params, x, m):
    p, q, v = params
    return float(np.sum(special.gammaln(p * x + q) - special.gammaln(p * x) - special.gammaln(q) + q * np.log(v)
                        + (p * x - 1) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(x * m + v)))


def fit_gg(x, m):
    def negative(theta):
        return -gg_ll(np.exp(theta), x, m)

    res = optimize.minimize(negative, np.log([1.0, 2.0, 10.0]), method="Nelder-Mead",
                            options={"xatol": 1e-12, "fatol": 1e-12, "maxiter": 40000, "maxfev": 40000})
    res = optimize.minimize(negative, res.x, method="BFGS", options={"gtol": 1e-9})
    return np.exp(res.x), -res.fun


def gg_expected(params, x, m):
    p, q, v = params
    if x == 0 or m is None or m <= 0:
        return p * v / (q - 1)
    return p * (v + x * m) / (p * x + q - 1)


def hyp2f1_by_integral(a, b, c, z):
    """Euler's integral, valid for c > b > 0 (or c > a > 0, by symmetry): independent of scipy's hyp2f1."""
    if not (c > b > 0):
        if c > a > 0:
            return hyp2f1_by_integral(b, a, c, z)
        return None
    # QUADPACK's QAWS takes the endpoint singularities t^(b−1) (1−t)^(c−b−1) as an exact weight.
    f = lambda t: (1 - z * t) ** (-a)
    value, error = integrate.quad(f, 0, 1, weight="alg", wvar=(b - 1, c - b - 1), epsabs=0, epsrel=2e-14,
                                  limit=1000)
    scale = math.exp(special.gammaln(c) - special.gammaln(b) - special.gammaln(c - b))
    return {"value": float(value * scale), "relativeError": float(abs(error / value))}


def main():
    # QUADPACK warns near its accuracy limit; its own error estimate is written to the fixture instead.
    warnings.simplefilter("ignore", integrate.IntegrationWarning)
    os.makedirs(OUT, exist_ok=True)
    order, customers = read_log()
    fits = {}
    samples = {}
    for unit_name, unit in (("weeks", 7.0), ("days", 1.0)):
        rows = summaries(order, customers, unit)
        x = np.array([r["x"] for r in rows], float)
        tx = np.array([r["tx"] for r in rows], float)
        T = np.array([r["T"] for r in rows], float)
        params, ll = fit_bgnbd(x, tx, T, [1.0, 1.0 * unit / 7, 1.0, 1.0])
        published = [0.2425929, 4.4135312, 0.7928863, 2.4257537] if unit == 7 else [0.2425929, 4.4135312 * 7, 0.7928863, 2.4257537]
        fits[unit_name] = {
            "customers": len(rows),
            "repeatCustomers": int(np.sum(x > 0)),
            "repeatTransactions": int(np.sum(x)),
            "r": params[0], "alpha": params[1], "a": params[2], "b": params[3],
            "logLikelihood": ll,
            "logLikelihoodAtPublished": bgnbd_ll(published, x, tx, T),
        }
        # Every 47th customer, plus the extremes of frequency.
        chosen = list(range(0, len(rows), 47)) + [int(np.argmax(x))]
        horizon = 39.0 if unit == 7 else 365.25
        samples[unit_name] = [{
            "id": rows[i]["id"], "x": rows[i]["x"], "tx": rows[i]["tx"], "T": rows[i]["T"],
            "pAlive": p_alive(params, rows[i]["x"], rows[i]["tx"], rows[i]["T"]),
            "t": horizon,
            "expected": expected(params, horizon, rows[i]["x"], rows[i]["tx"], rows[i]["T"]),
            "expectedLong": expected(params, 10 * horizon, rows[i]["x"], rows[i]["tx"], rows[i]["T"]),
        } for i in chosen]
        samples[unit_name + "Params"] = {"r": params[0], "alpha": params[1], "a": params[2], "b": params[3]}
    rows = summaries(order, customers, 1.0)
    spenders = [r for r in rows if r["x"] > 0 and r["m"] > 0]
    gx = np.array([r["x"] for r in spenders], float)
    gm = np.array([r["m"] for r in spenders], float)
    gparams, gll = fit_gg(gx, gm)
    fits["gammaGamma"] = {"customers": len(spenders), "p": gparams[0], "q": gparams[1], "v": gparams[2],
                          "logLikelihood": gll,
                          "logLikelihoodAtPublished": gg_ll([6.2488, 3.7446, 15.4477], gx, gm)}
    samples["gammaGamma"] = [{"x": r["x"], "m": r["m"], "expectedValue": gg_expected(gparams, r["x"], r["m"])}
                             for r in rows[::53]]
    samples["gammaGammaParams"] = {"p": gparams[0], "q": gparams[1], "v": gparams[2]}

    # 2F1 where a plain series is slow or fails: z near 1, c − a − b near or at an integer, BG/NBD shapes.
    cases = []
    for (a, b, c) in [(1.0, 1.0, 2.0), (0.5, 0.5, 1.5), (1.2, 2.4, 3.9), (1.2, 2.4, 3.6000001), (1.2, 2.4, 5.6),
                      (1.2, 2.4, 2.2), (2.4, 0.8, 3.0), (0.25, 2.43, 2.2), (10.24, 12.43, 12.22), (2.2, -0.2, 3.2),
                      (30.24, 32.43, 32.22), (0.3, 0.7, 0.4)]:
        for z in (0.3, 0.7, 0.9, 0.95, 0.99, 0.999, 0.9999):
            value = float(special.hyp2f1(a, b, c, z))
            check = hyp2f1_by_integral(a, b, c, z)
            cases.append({"a": a, "b": b, "c": c, "z": z, "scipy": value,
                          "integral": check["value"] if check else None,
                          "integralError": check["relativeError"] if check else None})
    for name, payload in (("fits", fits), ("customers", samples), ("hyp2f1", cases)):
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(payload, f, indent=1, default=float)
            f.write("\n")
    print(json.dumps(fits, indent=1, default=float))


if __name__ == "__main__":
    main()
