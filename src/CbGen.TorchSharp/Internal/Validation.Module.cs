using System;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

// The checks of a module's own state and of the logits' values (opt in): disposal, non-finite logits, and the
// one name every entry point gives its logits.
internal static partial class Validation
{
    /// <summary>The one name every entry point gives its logits argument (modules, functional forms and the
    /// generated typed overloads), so an <see cref="ArgumentException.ParamName"/> reads the same everywhere.</summary>
    internal const string LogitsName = "logits";

    /// <summary>The exception for a call on a disposed loss module, naming the module's type.</summary>
    internal static ObjectDisposedException Disposed(object module)
    {
        string name = module.GetType().Name;
        return new ObjectDisposedException(name,
            "This " + name + " has been disposed, and its buffers with it; create a new loss module "
            + "(and dispose it only after its last forward call).");
    }

    /// <summary>
    /// The opt-in finite check: one min/max reduction (NaN propagates through it, ±∞ shows as an extreme); only
    /// when it fails is the first non-finite row located, to name it.
    /// </summary>
    internal static void Finite(Tensor logits, string paramName)
    {
        if (AllFinite(logits))
        {
            return;
        }

        var (row, column, value) = FirstNonFinite(logits);
        throw new ArgumentException(
            "'" + paramName + "' holds a non-finite value (" + Format(value) + ") in row " + Format(row)
            + ", column " + Format(column) + " (the first one); the loss would be NaN or infinite. Look for a "
            + "diverging model (lower the learning rate, clip gradients) or bad input data in that sample.",
            paramName);
    }

    /// <summary>Whether every element of <paramref name="values"/> is finite: one min/max reduction (NaN propagates
    /// through it, ±∞ shows as an extreme).</summary>
    internal static bool AllFinite(Tensor values)
    {
        using var scope = NewDisposeScope();
        using var guard = no_grad();
        var (lo, hi) = values.aminmax();
        return double.IsFinite(lo.to(ScalarType.Float64).item<double>())
            && double.IsFinite(hi.to(ScalarType.Float64).item<double>());
    }

    /// <summary>Error path only: the first non-finite element of a 2-D tensor in row-major order, and its value.</summary>
    internal static (long Row, long Column, double Value) FirstNonFinite(Tensor values)
    {
        using var scope = NewDisposeScope();
        using var guard = no_grad();
        var bad = values.isfinite().logical_not().flatten().nonzero();
        long flat = bad.numel() > 0 ? bad[0, 0].item<long>() : 0;
        long columns = values.size(1);
        long row = flat / columns;
        long column = flat % columns;
        return (row, column, values[row, column].to(ScalarType.Float64).item<double>());
    }
}
