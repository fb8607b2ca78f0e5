using FsCheck;
using FsCheck.Fluent;
using Microstructure.Risk.Liquidation.Desk;

namespace Microstructure.Risk.Tests.Liquidation;

public class FundHoldingsTests
{
    [Fact]
    public void Sales_come_off_the_oldest_takeovers_first_as_a_list_model_says()
    {
        // Steps: positive = a takeover of that many lots, negative = a sale of that many, 0 = the fund went flat.
        var gen = Gen.ListOf(Gen.Choose(-50, 50));
        Prop.ForAll(gen.ToArbitrary(), steps =>
        {
            var holdings = new FundHoldings();
            var model = new List<(long Id, long Lots)>();
            long id = 0;
            foreach (int step in steps)
            {
                if (step > 0)
                {
                    holdings.Add(++id, step);
                    model.Add((id, step));
                }
                else if (step < 0)
                {
                    holdings.Consume(-step);
                    long left = -step;
                    while (left > 0 && model.Count > 0)
                    {
                        long take = Math.Min(left, model[0].Lots);
                        left -= take;
                        model[0] = (model[0].Id, model[0].Lots - take);
                        if (model[0].Lots == 0)
                        {
                            model.RemoveAt(0);
                        }
                    }
                }
                else
                {
                    holdings.Clear();
                    model.Clear();
                }

                if (holdings.Count != model.Count || (model.Count > 0 && holdings.Oldest != model[0]))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
