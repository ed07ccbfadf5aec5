using System.Collections.Generic;

namespace CbGen.TorchSharp;

/// <summary>The outcome of <see cref="ClassifierNorms.SelectTau"/>: the chosen τ and the balanced error of every τ
/// tried, in grid order.</summary>
public sealed class TauSelection
{
    internal TauSelection(double tau, double[] taus, double[] balancedErrors)
    {
        Tau = tau;
        Taus = taus;
        BalancedErrors = balancedErrors;
    }

    /// <summary>The τ with the lowest validation balanced error (the first on a tie).</summary>
    public double Tau { get; }

    /// <summary>The grid, in the order tried.</summary>
    public IReadOnlyList<double> Taus { get; }

    /// <summary>The validation balanced error (a fraction in [0, 1]) of each τ of <see cref="Taus"/>.</summary>
    public IReadOnlyList<double> BalancedErrors { get; }
}
