# Reference fixtures for the ETS engine (core/forecast) from R's forecast::ets.
#
#   Rscript scripts/oracles/ets.R            (from the repository root; needs r-base-core, r-cran-forecast,
#                                             r-cran-jsonlite)
#
# Writes test/fixtures/ets/<series>.json: the data, the automatic model with its parameters, initial states,
# AICc, log-likelihood, sigma2 and forecasts with 80% / 95% bounds over two seasons; fits of forced model
# types; and a holdout run (the last two seasons, 18 points for monthly data, held out) with the automatic
# model, ETS(A,A,A) and the seasonal naive forecasts. The tests read these files; they never need R.

suppressPackageStartupMessages({
  library(forecast)
  library(jsonlite)
})

out_dir <- file.path("test", "fixtures", "ets")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

austourists_csv <- file.path("..", "shared", "data", "ets", "austourists.csv")
austourists <- if (file.exists(austourists_csv)) {
  ts(read.csv(austourists_csv)$visitor_nights_millions, start = c(1999, 1), frequency = 4)
} else {
  NULL
}

series <- list(
  AirPassengers = datasets::AirPassengers,
  UKgas = datasets::UKgas,
  USAccDeaths = datasets::USAccDeaths,
  nottem = datasets::nottem,
  co2 = datasets::co2,
  ldeaths = datasets::ldeaths,
  JohnsonJohnson = datasets::JohnsonJohnson,
  austres = datasets::austres,
  UKDriverDeaths = datasets::UKDriverDeaths,
  gas = forecast::gas,
  wineind = forecast::wineind,
  woolyrnq = forecast::woolyrnq
)
if (!is.null(austourists)) series$austourists <- austourists

forced_models <- list(
  ANN = list(model = "ANN", damped = FALSE),
  AAN = list(model = "AAN", damped = FALSE),
  AAdN = list(model = "AAN", damped = TRUE),
  ANA = list(model = "ANA", damped = FALSE),
  AAA = list(model = "AAA", damped = FALSE),
  AAdA = list(model = "AAA", damped = TRUE),
  MNN = list(model = "MNN", damped = FALSE),
  MAN = list(model = "MAN", damped = FALSE),
  MNA = list(model = "MNA", damped = FALSE),
  MAA = list(model = "MAA", damped = FALSE),
  MNM = list(model = "MNM", damped = FALSE),
  MAM = list(model = "MAM", damped = FALSE),
  MAdM = list(model = "MAM", damped = TRUE),
  MMN = list(model = "MMN", damped = FALSE)
)

par_or_null <- function(fit, name) {
  value <- unname(fit$par[name])
  if (length(value) == 0 || is.na(value)) NULL else value
}

describe_fit <- function(fit, h) {
  fc <- forecast(fit, h = h, level = c(80, 95))
  list(
    method = fit$method,
    components = unname(fit$components),
    m = fit$m,
    alpha = par_or_null(fit, "alpha"),
    beta = par_or_null(fit, "beta"),
    gamma = par_or_null(fit, "gamma"),
    phi = par_or_null(fit, "phi"),
    initstate = I(unname(as.numeric(fit$initstate))),
    loglik = fit$loglik,
    aic = fit$aic,
    aicc = fit$aicc,
    bic = fit$bic,
    sigma2 = fit$sigma2,
    npar = length(fit$par),
    mean = as.numeric(fc$mean),
    lower80 = as.numeric(fc$lower[, 1]),
    upper80 = as.numeric(fc$upper[, 1]),
    lower95 = as.numeric(fc$lower[, 2]),
    upper95 = as.numeric(fc$upper[, 2])
  )
}

seasonal_naive <- function(y, h) {
  m <- frequency(y)
  n <- length(y)
  as.numeric(y[n - m + ((0:(h - 1)) %% m) + 1])
}

for (name in names(series)) {
  y <- series[[name]]
  m <- frequency(y)
  h <- if (m > 1) 2 * m else 10
  is_austourists <- name == "austourists"
  auto <- if (is_austourists) ets(y, model = "AAA", damped = FALSE) else ets(y)
  forced <- list()
  for (label in names(forced_models)) {
    spec <- forced_models[[label]]
    fit <- tryCatch(ets(y, model = spec$model, damped = spec$damped), error = function(e) NULL)
    if (!is.null(fit)) forced[[label]] <- describe_fit(fit, h)
  }
  holdout_h <- if (m == 12) 18 else 2 * m
  train <- ts(head(as.numeric(y), length(y) - holdout_h), start = start(y), frequency = m)
  test <- tail(as.numeric(y), holdout_h)
  holdout_auto <- if (is_austourists) ets(train, model = "AAA", damped = FALSE) else ets(train)
  holdout_aaa <- ets(train, model = "AAA", damped = FALSE)
  fc_auto <- forecast(holdout_auto, h = holdout_h, level = 95)
  fc_aaa <- forecast(holdout_aaa, h = holdout_h, level = 95)
  fixture <- list(
    name = name,
    r_version = R.version.string,
    forecast_version = as.character(packageVersion("forecast")),
    frequency = m,
    start = as.numeric(start(y)),
    y = as.numeric(y),
    h = h,
    auto = describe_fit(auto, h),
    forced = forced,
    holdout = list(
      h = holdout_h,
      train_length = length(train),
      test = test,
      auto_method = holdout_auto$method,
      auto = as.numeric(fc_auto$mean),
      auto_lower95 = as.numeric(fc_auto$lower[, 1]),
      auto_upper95 = as.numeric(fc_auto$upper[, 1]),
      aaa = as.numeric(fc_aaa$mean),
      snaive = seasonal_naive(train, holdout_h)
    )
  )
  path <- file.path(out_dir, paste0(name, ".json"))
  writeLines(toJSON(fixture, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE), path)
  cat(name, auto$method, "\n")
}
