using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// The streamed tables of tape/: trades, l1, depth, liquidation_events, adl, fund, accounts, risk_monitor, liquidation_map. Each buffers at most one
/// row group and writes it when full, so memory stays bounded however long the run; closing writes the rest and the
/// Parquet footers, which is what keeps a partial run readable.
/// </summary>
internal sealed class TapeWriters : IDisposable
{
    public const string Trades = "trades";
    public const string TopOfBook = "l1";
    public const string Depth = "depth";
    public const string Liquidations = "liquidation_events";
    public const string Adl = "adl";
    public const string Fund = "fund";
    public const string Accounts = "accounts";
    public const string RiskMonitor = "risk_monitor";
    public const string LiquidationMap = "liquidation_map";

    private readonly string _folder;
    private readonly TableWriter<TapeEvent, TradeTapeRows> _trades;
    private readonly TableWriter<TapeEvent, TopOfBookTapeRows> _topOfBook;
    private readonly TableWriter<InUnits<DepthObservation>, DepthTapeRows> _depth;
    private readonly TableWriter<TapeEvent, LiquidationTapeRows> _liquidations;
    private readonly TableWriter<TapeEvent, AdlTapeRows> _adl;
    private readonly TableWriter<TapeEvent, FundTapeRows> _fund;
    private readonly TableWriter<InUnits<AccountSnapshot>, AccountSnapshotRows> _accounts;
    private readonly TapeUnits _units;
    private readonly TableWriter<InUnits<Risk.Monitoring.RiskSnapshot>, RiskMonitorTapeRows> _riskMonitor;
    private readonly TableWriter<InUnits<LiquidationMapCell>, LiquidationMapTapeRows> _liquidationMap;
    private readonly List<IAsyncDisposable> _opened = [];
    private bool _closed;

    public TapeWriters(string folder, TableFormats formats, int rowGroupSize, TapeUnits units)
    {
        _folder = folder;
        _units = units;
        try
        {
            _trades = Open<TapeEvent, TradeTapeRows>(Trades, formats, rowGroupSize);
            _topOfBook = Open<TapeEvent, TopOfBookTapeRows>(TopOfBook, formats, rowGroupSize);
            _depth = Open<InUnits<DepthObservation>, DepthTapeRows>(Depth, formats, rowGroupSize);
            _liquidations = Open<TapeEvent, LiquidationTapeRows>(Liquidations, formats, rowGroupSize);
            _adl = Open<TapeEvent, AdlTapeRows>(Adl, formats, rowGroupSize);
            _fund = Open<TapeEvent, FundTapeRows>(Fund, formats, rowGroupSize);
            _accounts = Open<InUnits<AccountSnapshot>, AccountSnapshotRows>(Accounts, formats, rowGroupSize);
            _riskMonitor = Open<InUnits<Risk.Monitoring.RiskSnapshot>, RiskMonitorTapeRows>(RiskMonitor, formats, rowGroupSize);
            _liquidationMap = Open<InUnits<LiquidationMapCell>, LiquidationMapTapeRows>(LiquidationMap, formats, rowGroupSize);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The table names, in the order of the run directory listing.</summary>
    public static IReadOnlyList<string> Names { get; } = [Trades, TopOfBook, Depth, Liquidations, Adl, Fund, Accounts, RiskMonitor, LiquidationMap];

    public long TradeRows => _trades.RowCount;

    public long TopOfBookRows => _topOfBook.RowCount;

    public long DepthRows => _depth.RowCount;

    public long LiquidationRows => _liquidations.RowCount;

    public long AdlRows => _adl.RowCount;

    public long FundRows => _fund.RowCount;

    public long AccountRows => _accounts.RowCount;

    public void Trade(in TapeEvent e) => _trades.Append(e);

    public void TopOfBookChange(in TapeEvent e) => _topOfBook.Append(e);

    public void DepthSnapshot(in DepthObservation d) => _depth.Append(new InUnits<DepthObservation>(d, _units));

    public void Liquidation(in TapeEvent e) => _liquidations.Append(e);

    public void AutoDeleverage(in TapeEvent e) => _adl.Append(e);

    public void FundMovement(in TapeEvent e) => _fund.Append(e);

    public void Account(in AccountSnapshot a) => _accounts.Append(new InUnits<AccountSnapshot>(a, _units));

    public void RiskSnapshot(Risk.Monitoring.RiskSnapshot s) => _riskMonitor.Append(new InUnits<Risk.Monitoring.RiskSnapshot>(s, _units));

    public void LiquidationMapBucket(in LiquidationMapCell c) => _liquidationMap.Append(new InUnits<LiquidationMapCell>(c, _units));

    /// <summary>Writes what is buffered and closes every file; a failure names the folder after trying all of them.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        Exception? first = null;
        foreach (IAsyncDisposable writer in _opened)
        {
            try
            {
                writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                first ??= ex;
            }
        }

        if (first is not null)
        {
            throw new RunOutputException(_folder, $"Cannot finish the tape files in '{_folder}': {first.Message}", first);
        }
    }

    private TableWriter<TRow, TMapper> Open<TRow, TMapper>(string name, TableFormats formats, int rowGroupSize)
        where TMapper : struct, ITableRowMapper<TRow>
    {
        TableWriter<TRow, TMapper> writer = RunDirectory.Guard(
            Path.Combine(_folder, name),
            () => TableWriter<TRow, TMapper>.CreateAsync(_folder, name, formats, rowGroupSize).AsTask().GetAwaiter().GetResult());
        _opened.Add(writer);
        return writer;
    }
}
