namespace Microstructure.Analysis.Reports;

/// <summary>Alignment of a Markdown table column.</summary>
internal enum TextAlignment
{
    /// <summary>Left (default).</summary>
    Left = 0,

    /// <summary>Centered.</summary>
    Center = 1,

    /// <summary>Right (numbers).</summary>
    Right = 2,
}
