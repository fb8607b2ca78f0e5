using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Microstructure.Analysis;

/// <summary>Throws kept out of the numeric loops so that those stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgument(string paramName, string message) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgumentOutOfRange(string paramName, string message) =>
        throw new ArgumentOutOfRangeException(paramName, message);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);

    /// <summary>Both spans must have the same length (x/y pairs, times/values).</summary>
    public static void ThrowIfLengthsDiffer(int first, int second, string paramName)
    {
        if (first != second)
        {
            ThrowArgument(paramName, $"Length {second} differs from the paired input's length {first}.");
        }
    }

    /// <summary>The destination must hold at least <paramref name="needed"/> items.</summary>
    public static void ThrowIfTooShort(int length, int needed, string paramName)
    {
        if (length < needed)
        {
            ThrowArgument(paramName, $"Destination holds {length} items but {needed} are needed.");
        }
    }
}
