# Independent reference for the fixed Frechet-distance / KID test vector.
# Pure Python with exact rationals (fractions) - no linear-algebra library and no eigendecomposition:
# for 2x2 matrices, tr sqrt(A) = sqrt(tr A + 2 sqrt(det A)) when A has non-negative real eigenvalues
# (sqrt(l1) + sqrt(l2) squared is l1 + l2 + 2 sqrt(l1 l2)), and S1 S2 is similar to the PSD matrix
# S1^(1/2) S2 S1^(1/2), so tr sqrt(S1^(1/2) S2 S1^(1/2)) = sqrt(tr(S1 S2) + 2 sqrt(det S1 det S2)).
from fractions import Fraction as F
from decimal import Decimal, getcontext
getcontext().prec = 40

X = [[0, 0], [2, 1], [1, 3], [3, 2]]
Y = [[1, 1], [4, 1], [2, 5], [5, 3], [3, 0]]

def mean(A):
    n = len(A)
    return [F(sum(r[j] for r in A), n) for j in range(2)]

def cov(A):  # unbiased, divides by n - 1
    n, m = len(A), mean(A)
    return [[F(sum((r[i] - m[i]) * (r[j] - m[j]) for r in A), n - 1) for j in range(2)] for i in range(2)]

def dec(f):
    return Decimal(f.numerator) / Decimal(f.denominator)

m1, m2, S1, S2 = mean(X), mean(Y), cov(X), cov(Y)
P = [[sum(S1[i][k] * S2[k][j] for k in range(2)) for j in range(2)] for i in range(2)]
trP = P[0][0] + P[1][1]
det1 = S1[0][0] * S1[1][1] - S1[0][1] * S1[1][0]
det2 = S2[0][0] * S2[1][1] - S2[0][1] * S2[1][0]
tr_sqrt = (dec(trP) + 2 * dec(det1 * det2).sqrt()).sqrt()
fd = dec(sum((a - b) ** 2 for a, b in zip(m1, m2)) + S1[0][0] + S1[1][1] + S2[0][0] + S2[1][1]) - 2 * tr_sqrt
print("mu1", m1, "mu2", m2)
print("S1", S1, "S2", S2)
print("FD", fd)

# KID with one subset holding every sample: unbiased MMD^2, kernel k(a, b) = (a.b / d + 1)^3.
# Both sets need the same size for the subset estimator, so the first 4 rows of Y are used.
Yk = Y[:4]
d = 2
def k(a, b):
    return (F(sum(x * y for x, y in zip(a, b)), d) + 1) ** 3
m = len(X)
kxx = sum(k(X[i], X[j]) for i in range(m) for j in range(m) if i != j) / F(m * (m - 1))
kyy = sum(k(Yk[i], Yk[j]) for i in range(m) for j in range(m) if i != j) / F(m * (m - 1))
kxy = sum(k(X[i], Yk[j]) for i in range(m) for j in range(m)) / F(m * m)
kid = kxx + kyy - 2 * kxy
print("KID", kid, dec(kid))
