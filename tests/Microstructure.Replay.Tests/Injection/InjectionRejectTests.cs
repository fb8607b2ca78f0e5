using Microstructure.Engine;
using Microstructure.Engine.Matching;
using Microstructure.Replay.Injection;
using Microstructure.Replay.Io;
using Microstructure.Replay.Lobster;
using Microstructure.Replay.Processing;
using Microstructure.Replay.Tardis;
using Microstructure.Replay.Tests.TestSupport;
using Microstructure.Risk;

namespace Microstructure.Replay.Tests.Injection;

/// <summary>
/// Issue 12 §6: an injected order the book rejects used to be reported as "1 orders, 0 fills" with exit 0. The book's
/// rejection means the injection file does not fit the replay: bad input naming the injection file and line. A
/// refusal by the risk layer (a population's exchange refuses the injected trader like any other) is a market outcome:
/// the replay goes on, and the refusal is counted with its reason in the notes.
/// </summary>
public sealed class InjectionRejectTests
{
    private const long At = 34_210L * 1_000_000_000;

    private static ReplayInputException LobsterRefuses(InjectedOrder order) =>
        Assert.Throws<ReplayInputException>(() => LobsterReplay.Run(new LobsterReplayOptions
        {
            MessagesPath = TestData.LobsterMessages,
            BookPath = TestData.LobsterBook,
            Injections = [order],
        }));

    [Fact]
    public void A_quantity_above_the_book_s_maximum_is_an_error_naming_the_injection_file_and_line()
    {
        var order = new InjectedOrder(At, InjectedOrderKind.Market, Side.Buy, 9_000_000_000_000_000, 0, "big", 2) { File = "shock.csv" };

        var error = LobsterRefuses(order);

        Assert.Equal(InputErrorKind.InvalidValue, error.Kind);
        Assert.StartsWith("shock.csv:2: the book rejected the injected market order: its quantity (9000000000000000 lots) is above the largest order the book takes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_price_outside_the_lobster_book_s_range_is_an_error_naming_the_option_to_change()
    {
        var order = new InjectedOrder(At, InjectedOrderKind.Limit, Side.Buy, 100, 99_999_999_999, "far", 3) { File = "shock.csv" };

        var error = LobsterRefuses(order);

        Assert.Equal("shock.csv:3: the book rejected the injected limit order: its price 9999999.9999 is outside the replay's price range (up to 2351.6000); pass a larger --max-price", error.Message);
    }

    [Fact]
    public void A_tardis_injection_too_large_for_the_book_is_an_error_too()
    {
        var order = new InjectedOrder(1_704_067_210_000_000_000, InjectedOrderKind.Market, Side.Sell, 1L << 51, 0, "big", 4) { File = "inject.csv" };

        var error = Assert.Throws<ReplayInputException>(() => TardisReplay.Run(new TardisReplayOptions
        {
            BookUpdatesPath = TestData.File("tardis", "BTCUSDT_incremental_book_L2.csv"),
            TickSize = 0.1m,
            LotSize = 0.001m,
            Injections = [order],
        }));

        Assert.Equal("inject.csv", error.File);
        Assert.Equal(4, error.Line);
        Assert.Contains("the book rejected the injected market order: its quantity", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_risk_layer_refusal_is_counted_and_noted_with_its_reason_and_the_replay_goes_on()
    {
        var counts = new ReconciliationCounts();
        var ledger = new DepletionLedger();
        var engine = new MatchingEngine(new InstrumentSpec("X", 0.1m, 1m, new Price(1), new Price(10_000), new Quantity(1_000_000)), 64);
        var book = new ReplayBook<RefusingProcessor>(new RefusingProcessor(engine), new ReplayRecorder(null, ledger, counts), ledger, counts);
        var notes = new List<string>();

        for (var i = 0; i < ReplayBook<RefusingProcessor>.MaxRefusalNotes + 2; i++)
        {
            book.Inject(new InjectedOrder(i, InjectedOrderKind.Market, Side.Buy, 5, 0, "x", 10 + i) { File = "inject.csv" }, t => t.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        book.AddRefusalNotes(notes);
        Assert.Equal(12, book.InjectedOrders);
        Assert.Equal(12, book.InjectedOrdersRefused);
        Assert.Equal("inject.csv:10: injected market order refused by the risk layer (position-limit)", notes[0]);
        Assert.Equal(ReplayBook<RefusingProcessor>.MaxRefusalNotes + 1, notes.Count);
        Assert.Equal("2 more injected order(s) refused by the risk layer", notes[^1]);
    }

    /// <summary>The engine, except that the injected account's orders are refused as a risk layer would refuse them.</summary>
    private readonly struct RefusingProcessor(MatchingEngine engine) : IReplayProcessor
    {
        public MatchingEngine Engine { get; } = engine;

        public void Process<TSink>(in OrderCommand command, ref long sequence, ref TSink sink)
            where TSink : struct, IReplaySink
        {
            if (command.AccountId != ReplayAccounts.Injected)
            {
                Engine.Process(in command, sequence++, ref sink);
                return;
            }

            var refusal = new ExchangeEvent { Type = ExchangeEventType.RiskRejected, RiskReason = RiskRejectReason.PositionLimit };
            refusal.Engine.OrderId = command.OrderId;
            refusal.Engine.AccountId = command.AccountId;
            refusal.Engine.CommandSequence = sequence++;
            sink.OnRiskEvent(in refusal);
        }

        public void OnMarketData<TSink>(in MarketDataUpdate update, ref long sequence, ref TSink sink)
            where TSink : struct, IReplaySink
        {
        }

        public void Advance<TSink>(long timeNs, long nowNs, ref long sequence, ref TSink sink)
            where TSink : struct, IReplaySink
        {
        }
    }
}
