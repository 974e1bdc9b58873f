#!/usr/bin/env Rscript
# The index Monte Carlo loop of src/uncertainty in base R, for a speed comparison with
# bench/uncertainty.mjs: 94 jobcentres x 5 indicators, z-scores computed once, then per run
# Dirichlet(alpha * w) weights via rgamma, the weighted mean, and competition ranks
# ("min" ties, highest score first). Afterwards, as in node: per unit the 5/50/95 %
# rank quantiles (type 1) and P(top 10).
#
#   Rscript bench/uncertainty.R [--runs 10000] [--reps 5] [--json]
#
# Prints the median elapsed time of `reps` repetitions, and for reference the same work
# written vectorised (all weights at once, one matrix product), the idiomatic fast R.

args <- commandArgs(trailingOnly = TRUE)
option <- function(name, fallback) {
  at <- match(name, args)
  if (is.na(at)) fallback else as.numeric(args[at + 1])
}
runs <- option("--runs", 10000)
reps <- option("--reps", 5)
json <- "--json" %in% args
units <- 94
alpha <- 50

set.seed(1)
levels <- rbind(c(25, 6), c(11, 2), c(8, 2), c(30, 7), c(14, 3))
better <- c(1, -1, -1, 1, -1)
raw <- sapply(seq_len(5), function(j) rnorm(units, levels[j, 1], levels[j, 2]))
# z = d * (x - mean) / sd with the sample sd (n - 1), as METHOD.md A.
z <- sweep(scale(raw), 2, better, "*")
w0 <- rep(1 / 5, 5)

summarise <- function(ranks) {
  intervals <- apply(ranks, 1, quantile, probs = c(0.05, 0.5, 0.95), type = 1)
  top10 <- rowMeans(ranks <= 10)
  list(intervals = intervals, top10 = top10)
}

monte_carlo_loop <- function(runs) {
  ranks <- matrix(0L, nrow = units, ncol = runs)
  for (r in seq_len(runs)) {
    g <- rgamma(5, shape = alpha * w0)
    w <- g / sum(g)
    score <- drop(z %*% w)
    ranks[, r] <- rank(-score, ties.method = "min")
  }
  summarise(ranks)
}

monte_carlo_vectorised <- function(runs) {
  g <- matrix(rgamma(5 * runs, shape = alpha * w0), nrow = 5)
  w <- sweep(g, 2, colSums(g), "/")
  scores <- z %*% w
  ranks <- apply(-scores, 2, rank, ties.method = "min")
  summarise(ranks)
}

time_ms <- function(f) {
  f(min(runs, 1000)) # warm-up
  times <- sapply(seq_len(reps), function(i) {
    start <- proc.time()[["elapsed"]]
    f(runs)
    (proc.time()[["elapsed"]] - start) * 1000
  })
  median(times)
}

loop_ms <- time_ms(monte_carlo_loop)
vectorised_ms <- time_ms(monte_carlo_vectorised)
if (json) {
  cat(sprintf(
    '{"language":"R","runs":%d,"units":%d,"indicators":5,"loop_ms":%.1f,"vectorised_ms":%.1f}\n',
    as.integer(runs), units, loop_ms, vectorised_ms
  ))
} else {
  cat(sprintf("uncertainty (%s): %d runs x %d units x 5 indicators\n", R.version.string, as.integer(runs), units))
  cat(sprintf("  loop (as node): %.1f ms\n", loop_ms))
  cat(sprintf("  vectorised:     %.1f ms\n", vectorised_ms))
}
