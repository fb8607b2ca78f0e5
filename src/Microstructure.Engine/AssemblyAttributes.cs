// The JIT zero-fills every struct local on entry to a method unless told otherwise; the hot methods build their
// 144-byte events and other locals explicitly (C# definite assignment guarantees it), so that fill is pure cost.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
