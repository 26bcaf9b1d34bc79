# Gi* z-scores by R spdep, the reference vigie's src/analysis/gi-star.ts is checked against
# (test/medium/hotspots-spdep.test.ts). Arguments: values.csv (code, then one column per measure), the
# neighbour list vigie used (one line per unit, 1-based indices, blank for none), the output file, and how R
# builds its own neighbour list: a GeoJSON path (poly2nb queen, matched by adm2_pcode) or "priogrid" (queen on
# the 0.5° grid: centres at most √2 cells apart, as cell2nb(type = "queen")).
suppressMessages({ library(spdep) })
args <- commandArgs(TRUE)
v <- read.csv(args[1], colClasses = "character")
n <- nrow(v)
lines <- readLines(args[2])
ours <- lapply(strsplit(lines, " "), function(s) if (length(s) == 0) 0L else sort(as.integer(s)))
class(ours) <- "nb"
attr(ours, "region.id") <- v$code
if (args[4] == "priogrid") {
  gid <- as.integer(v$code)
  own <- dnearneigh(cbind((gid - 1) %% 720, (gid - 1) %/% 720), 0, 1.5)
} else {
  suppressMessages({ library(sf) })
  sf_use_s2(FALSE)
  a <- st_read(args[4], quiet = TRUE)
  a <- a[match(v$code, a$adm2_pcode), ]
  own <- suppressMessages(poly2nb(a, queen = TRUE))
}
z <- function(x, nb) as.numeric(localG(x, nb2listw(include.self(nb), style = "B", zero.policy = TRUE),
  zero.policy = TRUE))
out <- c()
for (m in names(v)[-1]) {
  x <- as.numeric(v[[m]])
  out <- cbind(out, z(x, ours), z(x, own))
}
write.table(format(out, digits = 17), args[3], row.names = FALSE, col.names = FALSE, quote = FALSE)
