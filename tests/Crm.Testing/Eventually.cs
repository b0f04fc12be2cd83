using System.Diagnostics;

namespace Crm.Testing;

/// <summary>Waits on a condition with a deadline, never a fixed sleep; the failure says what was expected.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> accept, string expectation, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = within ?? TimeSpan.FromSeconds(15);
        T last;
        do
        {
            last = await probe();
            if (accept(last)) return last;
            await Task.Delay(25);
        }
        while (deadline.Elapsed < limit);
        throw new TimeoutException($"Expected {expectation} within {limit.TotalSeconds:0.#} s; last value: {last}");
    }

    public static Task TrueAsync(Func<bool> condition, string expectation, TimeSpan? within = null) =>
        ReturnsAsync(() => Task.FromResult(condition()), ok => ok, expectation, within);
}
