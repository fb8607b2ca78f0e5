using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Tests.TestSupport;

internal static class ExchangeTestExtensions
{
    public static bool IsBreachedForTest(this Exchange exchange, long account) => exchange.IsBreached((int)account);
}
