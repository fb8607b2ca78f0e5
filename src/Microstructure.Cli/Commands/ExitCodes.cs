namespace Microstructure.Cli.Commands;

/// <summary>Process exit codes of <c>micro</c> (the README lists them for users).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The replay ran to the end but validation found mismatches.</summary>
    public const int ValidationMismatch = 1;

    /// <summary>A user mistake: bad arguments or bad input data; a one-line message says what and where.</summary>
    public const int UserError = 2;

    /// <summary>
    /// Stopped by SIGINT (Ctrl+C): the tapes are closed and readable and summary.json says "cancelled" (the usual
    /// 128 + SIGINT).
    /// </summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM, with the same closed tapes and cancelled summary (128 + SIGTERM).</summary>
    public const int Terminated = 143;

    /// <summary>A fault of the program itself (a bug): message and stack trace on stderr.</summary>
    public const int InternalError = 70;
}
