#!/usr/bin/env Rscript
# Least-squares fit time in R, for bench/fit.mjs: the same formula on the same file, lm()
# timed over enough repetitions to measure, median of 5. Prints one JSON line.
#
#   Rscript bench/fit.R FILE.csv

args <- commandArgs(trailingOnly = TRUE)
t_read <- system.time(d <- read.csv(args[1], colClasses = c(municipality = "character")))[["elapsed"]]
f <- actual_share_pct ~ income + education + log(population_density) + immigration_share_pct
reps <- max(1, round(200000 / nrow(d)))
times <- sapply(1:5, function(i) {
  system.time(for (r in seq_len(reps)) lm(f, data = d))[["elapsed"]] / reps
})
fit <- lm(f, data = d)
cat(sprintf(
  '{"language":"R","n":%d,"read_ms":%.3f,"fit_ms":%.4f,"coefficients":[%s]}\n',
  nrow(d), t_read * 1000, median(times) * 1000,
  paste(sprintf("%.17g", coef(fit)), collapse = ",")
))
