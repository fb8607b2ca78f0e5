using FsCheck;
using FsCheck.Fluent;
using Microstructure.Risk.Monitoring.Predictive;

namespace Microstructure.Risk.Tests.Monitoring;

public sealed class MarginSwitchTests
{
    private const long S = 1_000_000_000;

    /// <summary>
    /// Against a reference written the plain way: for any stream of probabilities (one per second) with the clock
    /// moving after some of them, the switch flips exactly when the reference does — raise at ≥ raiseAt, lower below
    /// lowerAt, one pending decision at a time, decisions at least the cool-down apart.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Flips_exactly_like_the_reference()
    {
        var step = from p in Gen.Choose(0, 100) from take in Gen.Elements(true, true, false) select (P: p / 100f, Take: take);
        return Prop.ForAll(Gen.ListOf(step).ToArbitrary(), Gen.Choose(0, 10).ToArbitrary(), (steps, coolDownSeconds) =>
        {
            var sut = new MarginSwitch(0.6f, 0.3f, coolDownSeconds * S);
            bool raised = false, pending = false;
            long last = long.MinValue;
            long t = 0;
            foreach (var (p, take) in steps)
            {
                t += S;
                sut.Observe(t, p);
                if (!pending && (last == long.MinValue || t - last >= coolDownSeconds * S) && (raised ? p < 0.3f : p >= 0.6f))
                {
                    pending = true;
                    last = t;
                }

                if (take)
                {
                    bool flipped = sut.TakeChange();
                    if (flipped != pending)
                    {
                        return false;
                    }

                    raised ^= pending;
                    pending = false;
                }

                if (sut.Raised != raised)
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Hysteresis_keeps_margins_raised_between_the_two_thresholds_and_the_cool_down_holds_a_raise()
    {
        var s = new MarginSwitch(0.5f, 0.2f, 60 * S);
        s.Observe(1 * S, 0.7f);
        Assert.False(s.Raised); // decided, not yet taken
        Assert.True(s.TakeChange());
        Assert.True(s.Raised);
        s.Observe(2 * S, 0.1f); // below lowerAt, but within the 60 s cool-down
        Assert.False(s.TakeChange());
        s.Observe(61 * S, 0.3f); // cooled down, but between the thresholds: stays raised
        Assert.False(s.TakeChange());
        s.Observe(62 * S, 0.19f);
        Assert.True(s.TakeChange());
        Assert.False(s.Raised);
        Assert.Equal(1, s.Raises);
    }
}
