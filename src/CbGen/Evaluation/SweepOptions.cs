using System;
using System.Globalization;

namespace CbGen.Evaluation;

/// <summary>How <see cref="SweepRunner"/> trains and ranks the points.</summary>
public sealed class SweepOptions
{
    private int _epochs = CbDefaults.SweepEpochs;

    /// <summary>What ranks the points (lower is better); <see cref="SelectionMetric.BalancedError"/> by default.</summary>
    public SelectionMetric RankBy { get; set; } = SelectionMetric.BalancedError;

    /// <summary>The epochs a point that is never eliminated trains for (default 10).</summary>
    public int Epochs
    {
        get => _epochs;
        set => _epochs = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A sweep point trains for at least 1 epoch.");
    }

    /// <summary>Successive halving, or <c>null</c> (the default) to train every point for <see cref="Epochs"/>.</summary>
    public SuccessiveHalving? Halving { get; set; }

    /// <summary>Told when a point starts training and when it has been evaluated; the runner itself prints nothing.</summary>
    public IProgress<SweepProgress>? Progress { get; set; }
}

/// <summary>
/// Successive halving (Jamieson and Talwalkar, 2016): every point trains a short budget, the better half goes on
/// for twice as long, and so on, until the survivors reach <see cref="SweepOptions.Epochs"/>. With R rungs, rung r
/// (0-based) trains the ⌈n / 2^r⌉ best points up to Epochs / 2^(R−1−r) epochs (at least 1), continuing each model
/// where it stopped, so a 20-point grid with R = 3 costs about half of training every point to the end.
/// </summary>
public sealed class SuccessiveHalving
{
    /// <summary>Creates a schedule of <paramref name="rungs"/> rungs (at least 2).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rungs"/> is less than 2.</exception>
    public SuccessiveHalving(int rungs)
    {
        if (rungs < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(rungs), rungs,
                "Successive halving needs at least 2 rungs; leave SweepOptions.Halving null to train every point fully.");
        }

        Rungs = rungs;
    }

    /// <summary>The number of rungs.</summary>
    public int Rungs { get; }

    /// <summary>The epochs a point has trained for when rung <paramref name="rung"/> ends.</summary>
    public int EpochsAt(int rung, int totalEpochs) => Math.Max(1, totalEpochs >> (Rungs - 1 - rung));

    /// <summary>How many points take part in rung <paramref name="rung"/> out of <paramref name="points"/>.</summary>
    public int SurvivorsAt(int rung, int points) => Math.Max(1, (int)Math.Ceiling(points / Math.Pow(2, rung)));

    /// <inheritdoc />
    public override string ToString() => Rungs.ToString(CultureInfo.InvariantCulture) + " rungs";
}

/// <summary>Where a sweep is: which point, in which rung, and what its evaluation gave.</summary>
/// <param name="PointName">The point's name.</param>
/// <param name="Rung">The rung (0 without successive halving).</param>
/// <param name="Step">How many (point, rung) trainings have finished, this one included once evaluated.</param>
/// <param name="TotalSteps">How many (point, rung) trainings the sweep runs in all.</param>
/// <param name="Report">The point's evaluation; <c>null</c> when it is about to train.</param>
public sealed record SweepProgress(string PointName, int Rung, int Step, int TotalSteps, LongTailReport? Report)
{
    /// <summary>The progress line: "[3/14] rung 1 LogitAdjusted_tau1: balanced error 41.67 %, …" once evaluated
    /// (the report as <see cref="LongTailReport.ToString"/> writes it), "…: training" before.</summary>
    public override string ToString() =>
        "[" + Step.ToString(CultureInfo.InvariantCulture) + "/" + TotalSteps.ToString(CultureInfo.InvariantCulture) + "] rung "
        + Rung.ToString(CultureInfo.InvariantCulture) + " " + PointName + ": " + (Report?.ToString() ?? "training");
}

/// <summary>The epochs a train callback must reach: continue a model from <see cref="FromEpoch"/> (0: a new model)
/// up to <see cref="ToEpoch"/>.</summary>
/// <param name="FromEpoch">Epochs the model has already trained (0 when the callback gets no model).</param>
/// <param name="ToEpoch">Epochs it must have trained when the callback returns.</param>
public readonly record struct SweepBudget(int FromEpoch, int ToEpoch);

/// <summary>Trains a point's model: creates one when <paramref name="model"/> is <c>null</c>/default, otherwise goes on
/// training it; returns the model (the runner disposes it when done, if it is <see cref="IDisposable"/>).</summary>
public delegate TModel SweepTrainer<in TPoint, TModel>(TPoint point, TModel? model, SweepBudget budget, System.Threading.CancellationToken cancellationToken);

/// <summary>A sweep callback failed; <see cref="Exception.InnerException"/> is what it threw.</summary>
public sealed class SweepPointException : Exception
{
    /// <summary>Creates the exception for the point <paramref name="pointName"/>.</summary>
    public SweepPointException(string pointName, string stage, Exception inner)
        : base("Sweep point '" + pointName + "' failed while " + stage + ": " + inner.Message, inner)
    {
        PointName = pointName;
    }

    /// <summary>The point whose callback failed.</summary>
    public string PointName { get; }
}
