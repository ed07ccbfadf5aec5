using System;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

// The checks of the data the entry points take with a head: the features (shape, dtype, device, finiteness), the
// logits they give, and the labels.
internal static partial class RebalancingValidation
{
    internal static void Features(Tensor features, Linear head, string paramName)
    {
        Validation.NotNullOrDisposed(features, paramName);
        if (features.dim() != 2 || !features.is_floating_point())
        {
            throw new ArgumentException(
                "The features must be a 2-D floating-point tensor [N, D] (the frozen penultimate activations); got "
                + features.dtype + " " + Validation.Shape(features) + ".", paramName);
        }

        if (features.shape[0] == 0)
        {
            throw new ArgumentException(
                "The data set is empty (0 rows of features); pass the frozen features of at least one row.", paramName);
        }

        if (features.shape[1] != head.in_features)
        {
            throw new ArgumentException(
                "The features have " + Validation.Format(features.shape[1]) + " columns but the classifier takes "
                + Validation.Format(head.in_features) + " inputs; pass the activations that feed this layer.", paramName);
        }

        SameKindAsHead(features, head.weight!, paramName);
    }

    /// <summary>The features must have the head's dtype and device: libtorch multiplies only equal dtypes on one
    /// device, and some of its mismatch errors abort the process instead of throwing.</summary>
    private static void SameKindAsHead(Tensor features, Tensor weight, string paramName)
    {
        if (features.dtype != weight.dtype)
        {
            throw new ArgumentException(
                "The features are " + features.dtype + " but the classifier's weight is " + weight.dtype + "; libtorch "
                + "multiplies only equal dtypes: convert them with .to(head.weight.dtype), or the head with "
                + "head.to(features.dtype).", paramName);
        }

        if (features.device_type != weight.device_type || features.device_index != weight.device_index)
        {
            throw new ArgumentException(
                "The features are on " + features.device + " but the classifier is on " + weight.device + "; move them "
                + "with .to(head.weight.device), or the head with head.to(features.device).", paramName);
        }
    }

    /// <summary>Refuses a NaN or infinite feature (one min/max reduction), naming the first one: it would make
    /// every τ's logits NaN (a τ chosen from meaningless errors) or the re-training loss NaN.</summary>
    internal static void FiniteFeatures(Tensor features, string paramName)
    {
        if (Validation.AllFinite(features))
        {
            return;
        }

        var (row, column, value) = Validation.FirstNonFinite(features);
        throw new ArgumentException(
            "The features hold a non-finite value (" + Validation.Format(value) + ") in row " + Validation.Format(row)
            + ", column " + Validation.Format(column) + " (the first one); τ-normalisation, τ-selection and re-training need finite "
            + "features: recompute them (look for a diverging backbone or bad input data in that row), or drop the row.",
            paramName);
    }

    /// <summary>Refuses a τ's non-finite logits on finite features (one min/max reduction): the classifier itself
    /// holds a NaN or infinite value, or its normalised rows overflow the dtype in the product.</summary>
    internal static void FiniteLogits(Tensor logits, double tau, string paramName)
    {
        if (Validation.AllFinite(logits))
        {
            return;
        }

        var (row, column, value) = Validation.FirstNonFinite(logits);
        throw new ArgumentException(
            "At τ = " + Validation.Format(tau) + " the τ-normalised logits hold a non-finite value ("
            + Validation.Format(value) + ") in row " + Validation.Format(row) + ", column " + Validation.Format(column)
            + " (the first one) although the features are finite: the classifier's weight or bias holds a NaN or "
            + "infinite value (check class " + Validation.Format(column) + "'s row of the trained head), or the logits "
            + "overflow " + logits.dtype + " (convert the head and the features to Float64, or use a smaller τ).",
            paramName);
    }

    /// <summary>Checks the labels against the features (shape and device) and the class count, and returns them on the host.</summary>
    internal static long[] Labels(Tensor labels, Tensor features, long classes, string paramName)
    {
        Validation.NotNullOrDisposed(labels, paramName);
        if (labels.dim() != 1 || labels.dtype != ScalarType.Int64)
        {
            throw new ArgumentException(
                "The labels must be a 1-D int64 tensor [N] of class indices; got " + labels.dtype + " "
                + Validation.Shape(labels) + ".", paramName);
        }

        if (labels.shape[0] != features.shape[0])
        {
            throw new ArgumentException(
                "There are " + Validation.Format(labels.shape[0]) + " labels for " + Validation.Format(features.shape[0])
                + " rows of features; pass one label per row.", paramName);
        }

        if (labels.device_type != features.device_type || labels.device_index != features.device_index)
        {
            throw new ArgumentException(
                "The labels are on " + labels.device + " but the features are on " + features.device + "; move them "
                + "with .to(features.device).", paramName);
        }

        long[] y = labels.cpu().data<long>().ToArray();
        for (int i = 0; i < y.Length; i++)
        {
            if (y[i] < 0 || y[i] >= classes)
            {
                throw new ArgumentException(
                    "Row " + Validation.Format(i) + " has label " + Validation.Format(y[i]) + ", outside [0, "
                    + Validation.Format(classes) + ") of the classifier's classes; pass class indices the head has.",
                    paramName);
            }
        }

        return y;
    }

    internal static void EveryClassHasRows(long[] counts, ZeroCountPolicy zeroCounts, string paramName)
    {
        if (zeroCounts == ZeroCountPolicy.ZeroWeight)
        {
            return;
        }

        int empty = Array.IndexOf(counts, 0L);
        if (empty >= 0)
        {
            throw new ArgumentException(
                "Class " + Validation.Format(empty) + " has no rows in the re-training data, so the sampler can never "
                + "draw it (a class-balanced sampler would silently give its share to the other classes, and the "
                + "re-trained classifier would never see it). Add rows of that class, or set "
                + "ClassifierRetrainingOptions.ZeroCounts = ZeroCountPolicy.ZeroWeight to re-train on the classes that "
                + "have rows.", paramName);
        }
    }
}
