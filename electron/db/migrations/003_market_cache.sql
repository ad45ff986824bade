-- Market data kept locally: Massive.com bars (completed days kept, the current day refreshed) and
-- quotes (60 s), and the bars users import from their own CSV files (source 'csv').
CREATE TABLE market_bars (
  source    TEXT NOT NULL CHECK (source IN ('massive', 'csv')),
  symbol    TEXT NOT NULL,
  timeframe TEXT NOT NULL CHECK (timeframe IN ('1m', '5m', '15m', '1h', '1d')),
  time      INTEGER NOT NULL,
  open      REAL NOT NULL,
  high      REAL NOT NULL,
  low       REAL NOT NULL,
  close     REAL NOT NULL,
  volume    REAL NOT NULL CHECK (volume >= 0),
  PRIMARY KEY (source, symbol, timeframe, time)
) WITHOUT ROWID;

-- Which New York dates of a series are stored, and whether the day was over when fetched.
CREATE TABLE market_bar_days (
  source     TEXT NOT NULL,
  symbol     TEXT NOT NULL,
  timeframe  TEXT NOT NULL,
  date       TEXT NOT NULL,
  complete   INTEGER NOT NULL CHECK (complete IN (0, 1)),
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (source, symbol, timeframe, date)
) WITHOUT ROWID;

CREATE TABLE market_quotes (
  symbol     TEXT PRIMARY KEY NOT NULL,
  quote      TEXT NOT NULL CHECK (json_valid(quote)),
  fetched_at INTEGER NOT NULL
);

-- One row per symbol with imported bars: the bar size found in the file, for serving and search.
CREATE TABLE market_imports (
  symbol      TEXT PRIMARY KEY NOT NULL,
  timeframe   TEXT NOT NULL,
  bars        INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
