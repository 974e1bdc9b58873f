#!/usr/bin/env Rscript
# The model mode of `jobindex benchmark` in base R, for an end-to-end comparison in
# bench/run.mjs: read the generated CSV, fit the same least squares with lm(), rank the
# municipalities by residual (lowest first, ties sharing the best rank) and write the
# ranking as CSV on stdout, as `jobindex benchmark --format csv` does. The coefficients go
# to stderr, one per line in full precision, so the bench can check both agree.
#
#   Rscript bench/model.R FILE.csv

args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], colClasses = c(municipality = "character"))
fit <- lm(actual_share_pct ~ income + education + log(population_density) + immigration_share_pct, data = d)
residual <- d$actual_share_pct - fitted(fit)
rank <- rank(residual, ties.method = "min")
out <- data.frame(
  municipality = d$municipality, actual_pct = d$actual_share_pct,
  expected_pct = fitted(fit), residual_pp = residual, rank = rank
)
write.csv(out[order(rank, out$municipality), ], stdout(), row.names = FALSE)
cat(sprintf("%.17g", coef(fit)), sep = "\n", file = stderr())
