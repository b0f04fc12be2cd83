namespace Crm.Benchmarks.Chat;

/// <summary>
/// The find-max walk for one target: from the fixed rate, multiply by the step factor while steps pass, then bisect
/// between the highest passing and the lowest failing rate; step down instead while nothing has passed yet.
/// </summary>
public sealed class RateSearch
{
    private readonly ChatProfile _profile;
    private double _pass;
    private int _bisections;

    public RateSearch(ChatProfile profile, double fixedRate, double fixedSustained)
    {
        _profile = profile;
        Sustained = fixedSustained;
        _pass = fixedSustained > 0 ? fixedRate : 0;
        FirstFailure = fixedSustained > 0 ? null : fixedRate;
        Next = fixedSustained > 0 ? fixedRate * profile.StepFactor : fixedRate / profile.StepFactor;
    }

    public int Steps { get; private set; }
    public double Next { get; private set; }

    /// <summary>The highest rate delivered in full so far (0 if none).</summary>
    public double Sustained { get; private set; }

    public double? FirstFailure { get; private set; }

    public bool Done => Steps >= _profile.MaxSteps || (FirstFailure is not null && _pass > 0 && _bisections >= _profile.Bisections);

    public void Record(double sustainedHere)
    {
        Steps++;
        if (FirstFailure is not null && _pass > 0) _bisections++;
        if (sustainedHere > 0)
        {
            Sustained = Math.Max(Sustained, sustainedHere);
            _pass = Next;
        }
        else
        {
            FirstFailure = FirstFailure is { } known ? Math.Min(known, Next) : Next;
        }
        Next = FirstFailure is not { } fail ? Next * _profile.StepFactor : _pass > 0 ? (_pass + fail) / 2 : Next / _profile.StepFactor;
    }
}
