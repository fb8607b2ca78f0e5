#!/usr/bin/env python3
"""Writes the small SYNTHETIC Tardis and Binance fixtures in data/tardis and data/binance.

Deterministic (fixed seed): run `python3 data/generate_l2_fixtures.py` from the repository root to
regenerate them byte for byte. The formats follow the vendors' public documentation (see SOURCE.md).
"""
import gzip
import json
import os
import random

TICK, LOT = 0.1, 0.001  # BTCUSDT-like: prices in 0.1 USDT ticks, amounts in 0.001 BTC lots
rng = random.Random(20240101)


def px(ticks):
    return f"{ticks / 10:.1f}"


def qty(lots):
    s = f"{lots / 1000:.3f}".rstrip("0").rstrip(".")
    return s if s else "0"


class Book:
    def __init__(self):
        self.bids, self.asks = {}, {}

    def side(self, s):
        return self.bids if s == "bid" else self.asks

    def set(self, s, p, q):
        d = self.side(s)
        if q == 0:
            d.pop(p, None)
        else:
            d[p] = q

    def top(self, s, n):
        d = self.side(s)
        keys = sorted(d, reverse=(s == "bid"))[:n]
        return [(k, d[k]) for k in keys]


def random_changes(book, mid):
    """One feed message: a few level changes near the top that keep the book uncrossed."""
    changes = []
    for _ in range(rng.randint(1, 4)):
        s = rng.choice(["bid", "ask"])
        best_bid = max(book.bids) if book.bids else mid - 1
        best_ask = min(book.asks) if book.asks else mid + 1
        if s == "bid":
            p = best_bid - rng.randint(-1 if best_ask - best_bid > 2 else 0, 12)
            p = min(p, best_ask - 1)
        else:
            p = best_ask + rng.randint(-1 if best_ask - best_bid > 2 else 0, 12)
            p = max(p, best_bid + 1)
        have = book.side(s).get(p, 0)
        if have and rng.random() < 0.25 and len(book.side(s)) > 5:
            q = 0
        else:
            q = rng.randint(1, 4000)
        changes.append((s, p, q))
        book.set(s, p, q)
    return changes


def initial_levels(mid, n=30):
    levels = []
    for i in range(n):
        levels.append(("ask", mid + 1 + i, rng.randint(1, 5000)))
        levels.append(("bid", mid - 1 - i, rng.randint(1, 5000)))
    return levels


def tardis():
    out = "data/tardis"
    book = Book()
    t = 1704067200000000  # 2024-01-01T00:00:00Z in microseconds
    mid = 426000  # 42,600.0
    upd = ["exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount"]
    snaps = ["exchange,symbol,timestamp,local_timestamp," + ",".join(
        f"asks[{i}].price,asks[{i}].amount,bids[{i}].price,bids[{i}].amount" for i in range(25))]
    trades = ["exchange,symbol,timestamp,local_timestamp,id,side,price,amount"]
    liqs = ["exchange,symbol,timestamp,local_timestamp,id,side,price,amount"]
    ticker = ["exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,predicted_funding_rate,open_interest,last_price,index_price,mark_price"]
    pre = "binance-futures,BTCUSDT"

    def snapshot_run(levels, ts):
        book.bids.clear()
        book.asks.clear()
        for s, p, q in levels:
            book.set(s, p, q)
            upd.append(f"{pre},{ts},{ts + 150},true,{s},{px(p)},{qty(q)}")

    def snapshot_row(ts):
        cells = []
        asks, bids = book.top("ask", 25), book.top("bid", 25)
        for i in range(25):
            a = asks[i] if i < len(asks) else None
            b = bids[i] if i < len(bids) else None
            cells += [px(a[0]) if a else "", qty(a[1]) if a else "", px(b[0]) if b else "", qty(b[1]) if b else ""]
        snaps.append(f"{pre},{ts},{ts + 150}," + ",".join(cells))

    snapshot_run(initial_levels(mid), t)
    snapshot_row(t)
    trade_id = 1000
    for k in range(1, 401):
        t += rng.randint(20_000, 90_000)
        if k == 200:
            # A reconnection: a fresh snapshot run resets the book (levels slightly moved).
            mid = (max(book.bids) + min(book.asks)) // 2
            snapshot_run(initial_levels(mid, 28), t)
            snapshot_row(t)
            continue
        for s, p, q in random_changes(book, mid):
            upd.append(f"{pre},{t},{t + 150},false,{s},{px(p)},{qty(q)}")
        if k % 10 == 0:
            snapshot_row(t)
        if k % 7 == 0:
            side = rng.choice(["buy", "sell"])
            p = min(book.asks) if side == "buy" else max(book.bids)
            trade_id += 1
            trades.append(f"{pre},{t - 100},{t + 120},{trade_id},{side},{px(p)},{qty(rng.randint(1, 800))}")
        if k % 97 == 0:
            liqs.append(f"{pre},{t - 50},{t + 130},liq-{k},sell,{px(max(book.bids))},{qty(rng.randint(100, 3000))}")
        if k % 25 == 0:
            mark = (max(book.bids) + min(book.asks)) // 2
            ticker.append(f"{pre},{t - 10},{t + 140},1704096000000000,0.0001,0.000095,{qty(81234567)},{px(mark)},{px(mark - 3)},{px(mark)}")

    def write(name, lines, gz=False):
        data = ("\n".join(lines) + "\n").encode()
        path = os.path.join(out, name)
        if gz:
            with open(path, "wb") as f:
                f.write(gzip.compress(data, mtime=0))
        else:
            with open(path, "wb") as f:
                f.write(data)

    write("BTCUSDT_incremental_book_L2.csv", upd)
    write("BTCUSDT_incremental_book_L2.csv.gz", upd, gz=True)
    write("BTCUSDT_book_snapshot_25.csv", snaps)
    write("BTCUSDT_trades.csv", trades)
    write("BTCUSDT_liquidations.csv", liqs)
    write("BTCUSDT_derivative_ticker.csv", ticker)


def binance():
    out = "data/binance"
    book = Book()
    mid = 426000
    for s, p, q in initial_levels(mid, 30):
        book.set(s, p, q)
    uid = 900
    e = 1704067200000  # ms
    events, snapshots = [], []

    def snap():
        return {"lastUpdateId": uid, "E": e, "T": e - 2,
                "bids": [[px(p), qty(q)] for p, q in book.top("bid", 1000)],
                "asks": [[px(p), qty(q)] for p, q in book.top("ask", 1000)]}

    prev_u = None
    gap_done = False
    for k in range(1, 321):
        e += rng.randint(50, 250)
        first = uid + 1
        changes = random_changes(book, mid)
        uid += rng.randint(len(changes), len(changes) + 3)
        pu = prev_u if prev_u is not None else first - 1
        if k == 250 and not gap_done:
            # Updates lost in transit: this event's pu skips the previous event (an update-id gap).
            pu = prev_u + 5
            gap_done = True
        events.append({"e": "depthUpdate", "E": e, "T": e - 1, "s": "BTCUSDT", "U": first, "u": uid, "pu": pu,
                       "b": [[px(p), qty(q)] for s, p, q in changes if s == "bid"],
                       "a": [[px(p), qty(q)] for s, p, q in changes if s == "ask"]})
        prev_u = uid
        if k == 20:
            snapshots.append(snap())   # the REST snapshot the replay starts from (events 1-19 are stale)
        if k == 150:
            snapshots.append(snap())   # a later snapshot at an event boundary: used for validation
        if k == 265:
            snapshots.append(snap())   # after the gap: the replay resyncs from it
    # The first snapshot is taken while event 20 is being built: lastUpdateId falls inside event 20's [U, u].
    snapshots[0]["lastUpdateId"] = events[19]["U"] + (events[19]["u"] - events[19]["U"]) // 2
    with open(os.path.join(out, "BTCUSDT_depth_snapshots.jsonl"), "w") as f:
        for s in snapshots:
            f.write(json.dumps(s, separators=(",", ":")) + "\n")
    with open(os.path.join(out, "BTCUSDT_depth_updates.jsonl"), "w") as f:
        for ev in events:
            f.write(json.dumps(ev, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    tardis()
    binance()
