#!/usr/bin/env Rscript
# Truth for the benchmark's model mode: R's lm() on fixtures/benchmark/lm-input.csv
# (98 municipalities: Y30R21 actual share 2021QMAT04, all benefits; covariates from data/dst
# as of 2021; built by scripts/benchmark-fixtures.mjs). Writes fixtures/benchmark/lm-*.json.
#
#   Rscript scripts/benchmark-lm-fixture.R
#
# Numbers are written with 17 significant digits (sprintf %.17g), so they round-trip exactly;
# no package beyond base R is needed.

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
root <- normalizePath(file.path(dirname(script), ".."))
input <- read.csv(file.path(root, "fixtures", "benchmark", "lm-input.csv"), encoding = "UTF-8",
                  stringsAsFactors = FALSE, check.names = FALSE)

num <- function(x) {
  ifelse(is.na(x), "null", sprintf("%.17g", x))
}
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
str <- function(x) paste0("\"", gsub("\"", "\\\\\"", x), "\"")
strvec <- function(x) paste0("[", paste(str(x), collapse = ", "), "]")

write_fit <- function(name, formula, terms, weights = NULL) {
  data <- input
  data$.w <- if (is.null(weights)) 1 else weights
  # lm() looks weights up in `data` (non-standard evaluation), hence the .w column.
  fit <- if (is.null(weights)) lm(formula, data = data) else lm(formula, data = data, weights = .w)
  s <- summary(fit)
  co <- s$coefficients
  # In-sample 90% prediction intervals (a new observation at each municipality's covariates).
  pi <- if (is.null(weights)) predict(fit, newdata = data, interval = "prediction", level = 0.9)
        else predict(fit, newdata = data, interval = "prediction", level = 0.9, weights = data$.w)
  json <- paste0(
    "{\n",
    "  \"about\": ", str(paste0("R ", R.version$major, ".", R.version$minor, " lm(", paste(deparse(formula, width.cutoff = 500L), collapse = " "),
                               if (is.null(weights)) ")" else ", weights = population_16_66 / mean(population_16_66))",
                               " on fixtures/benchmark/lm-input.csv, made by scripts/benchmark-lm-fixture.R")), ",\n",
    "  \"covariates\": ", strvec(terms), ",\n",
    "  \"weights\": ", if (is.null(weights)) "null" else "\"population\"", ",\n",
    "  \"n\": ", nrow(data), ",\n",
    "  \"k\": ", length(coef(fit)), ",\n",
    "  \"terms\": ", strvec(rownames(co)), ",\n",
    "  \"estimate\": ", vec(co[, 1]), ",\n",
    "  \"std_error\": ", vec(co[, 2]), ",\n",
    "  \"t\": ", vec(co[, 3]), ",\n",
    "  \"p\": ", vec(co[, 4]), ",\n",
    "  \"r2\": ", num(s$r.squared), ",\n",
    "  \"adj_r2\": ", num(s$adj.r.squared), ",\n",
    "  \"sigma\": ", num(s$sigma), ",\n",
    "  \"municipalities\": ", strvec(data$municipality), ",\n",
    "  \"fitted\": ", vec(unname(fitted(fit))), ",\n",
    "  \"residuals\": ", vec(unname(residuals(fit))), ",\n",
    "  \"leverage\": ", vec(unname(hatvalues(fit))), ",\n",
    "  \"interval90_lower\": ", vec(unname(pi[, "lwr"])), ",\n",
    "  \"interval90_upper\": ", vec(unname(pi[, "upr"])), "\n",
    "}\n")
  out <- file.path(root, "fixtures", "benchmark", paste0("lm-", name, ".json"))
  writeLines(json, out, sep = "", useBytes = TRUE)
  cat("wrote", out, "\n")
}

plain <- c("income", "education", "immigration_share_pct", "age65_pct")
write_fit("ols", actual_share_pct ~ income + education + immigration_share_pct + age65_pct, plain)
logs <- c("log(population_density)", "log(income)", "education")
write_fit("log", actual_share_pct ~ log(population_density) + log(income) + education, logs)
input$w <- input$population_16_66 / mean(input$population_16_66)
write_fit("wls", actual_share_pct ~ income + education + immigration_share_pct + age65_pct, plain, weights = input$w)
