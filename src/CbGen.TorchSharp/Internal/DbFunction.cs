using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// The graph part of the distribution-balanced loss as one autograd node whose forward also computes the gradient in
/// closed form: thirteen element-wise passes over [B, C] for value and gradient, and none in a plain backward,
/// instead of three tracked ops and their three backward ops on top of the weights' own passes. When the host scan
/// listed the positives (<see cref="MultiHotScan"/>), the two multiplies by a function of t are writes at those
/// positions and a reduced value is one dot with the weight: nine passes. v and 1 − σ(v) go
/// into the module's kept tensors (<see cref="DbWorkspace"/>: one more pass each, a copy and a fill, instead of a
/// fresh allocation that may fault its pages in again) or, in the functional form, into fresh ones freed as soon as
/// they are spent; σ(v), which becomes the gradient, is always fresh.
/// </summary>
/// <remarks>
/// <para>With v = a·(z − ν), a = λ for a negative and −1 for a positive, element (i, c) is w·f·softplus(v), with the
/// weight w = r̂_ic, f = 1/λ for a negative and 1 for a positive: (r̂/λ)·log(1 + e^{λ(z − ν)}) and
/// r̂·log(1 + e^{−(z − ν)}). Its derivative is w·f·a·σ(v) = w·s·σ(v) with s = f·a = 1 − 2t.</para>
/// <para>v is formed without a tensor a: λ(z − ν) in one pass from the cached −λν, then multiplied in place by
/// 1 − ((1 + λ)/λ)·t, which is 1 for a negative and −1/λ for a positive (a few roundings more for a positive's v,
/// none for a negative's), or changed at the listed positives only, to the same bits.</para>
/// <para>softplus(v) = max(v, 0) − log σ(|v|) and σ(|v|) = max(σ(v), 1 − σ(v)) ∈ [1/2, 1], so the value reuses the
/// gradient's σ(v) with one more log and no cancellation; σ(v) keeps its relative accuracy where the gradient is
/// tiny, and both stay finite for any finite z. Second-order gradients (<c>create_graph: true</c>) are exact too: the
/// backward then recomputes w·s·σ(v) from the saved logits with tracked ops.</para>
/// </remarks>
internal static class DbKernel
{
    /// <summary>
    /// Σ of (or, with <see cref="DbArgs.Elementwise"/>, the [B, C]) element losses w·f·softplus(a·(z − ν)) for logits
    /// <paramref name="z"/> [B, C]. Tensors in the current dispose scope.
    /// </summary>
    internal static Tensor Loss(Tensor z, DbArgs args)
    {
        if (!is_grad_enabled() || !z.requires_grad)
        {
            using var guard = no_grad();
            return Compute(z, args, gradient: false).Loss;
        }

        return DbFunction.apply(z, args);
    }

    /// <summary>The loss and, when asked, ∂loss/∂z (for a unit upstream gradient per element).</summary>
    internal static (Tensor Loss, Tensor? Gradient) Compute(Tensor z, DbArgs args, bool gradient)
    {
        var scratch = args.Scratch;

        // The listed positives index every [B, C] tensor of the call when z is contiguous on the host: v (a kept
        // tensor, or made from z and laid out like it), σ(v) and the gradient (made from v), and the weight (a kept
        // tensor, or allocated like z).
        var positives = args.Positions is { } listed && MultiHotScan.OnHost(z) ? listed : (ArraySegment<int>?)null;
        var v = PreActivation(z, args, scratch?[0], positives);
        var sig = v.sigmoid();                                         // σ(v)
        var logMax = OneMinus(sig, scratch?[1]);
        logMax.clamp_(sig, null).log_();                               // log σ(|v|) ≤ 0
        v.relu_().sub_(logMax);                                        // softplus(v)
        if (scratch is null)
        {
            logMax.Dispose();
        }

        return Finish(v, sig, args, positives, gradient, scratch is null);
    }

    /// <summary>The reduction of f·w·softplus(v) (softplus(v) in <paramref name="v"/>) and the gradient, in place on
    /// σ(v); with <paramref name="positives"/>, at those positions only where t matters.</summary>
    private static (Tensor Loss, Tensor? Gradient) Finish(
        Tensor v, Tensor sig, DbArgs args, ArraySegment<int>? positives, bool gradient, bool ownsV)
    {
        using var minusTwo = (-2.0).ToScalar();

        // f = 1/λ + (1 − 1/λ)·t.
        double inverseLambda = 1.0 / args.Lambda;
        using var negativeFactor = inverseLambda.ToScalar();
        using var positiveExtra = (1.0 - inverseLambda).ToScalar();
        Tensor loss;
        if (args.Elementwise)
        {
            v.mul_(args.Weight);
            loss = v.mul(negativeFactor).addcmul_(v, args.Target, positiveExtra);
        }
        else if (positives is { } listed)
        {
            // (1/λ)·Σ w·softplus(v) as one dot over [B, C], and (1 − 1/λ)·Σ over the listed positives on the host.
            using var positivePart = ((1.0 - inverseLambda) * MultiHotScan.DotAt(v, args.Weight, listed)).ToScalar();
            loss = v.reshape(-1).dot(args.Weight.reshape(-1)).mul_(negativeFactor).add_(positivePart);
        }
        else
        {
            v.mul_(args.Weight);
            loss = v.sum().mul_(negativeFactor)
                .add_(v.reshape(-1).dot(args.Target.reshape(-1)), positiveExtra);
        }

        if (ownsV)
        {
            v.Dispose();
        }

        if (!gradient)
        {
            sig.Dispose();
            return (loss, null);
        }

        // ∂/∂z = w·σ(v)·(1 − 2t), in place on σ(v).
        var grad = sig.mul_(args.Weight);
        if (positives is { } atOnes)
        {
            MultiHotScan.AddScaled(grad, atOnes, -2.0);
        }
        else
        {
            grad.addcmul_(grad, args.Target, minusTwo);
        }

        return (loss, grad);
    }

    /// <summary>w·s·σ(a·(z − ν)) with tracked ops, differentiable again (for <c>create_graph</c>).</summary>
    internal static Tensor TrackedGradient(Tensor z, DbArgs args)
    {
        Tensor signedWeight;
        using (no_grad())
        {
            using var minusTwo = (-2.0).ToScalar();
            signedWeight = torch.addcmul(args.Weight, args.Weight, args.Target, minusTwo);
        }

        return TrackedPreActivation(z, args).sigmoid().mul(signedWeight);
    }

    /// <summary>v = a·(z − ν) = λ(z − ν)·(1 − ((1 + λ)/λ)·t): one pass onto −λν, one in place, into
    /// <paramref name="into"/> when given (the same roundings: −λν + λ·z either way); with <paramref name="positives"/>,
    /// the second step at those positions only.</summary>
    private static Tensor PreActivation(Tensor z, DbArgs args, Tensor? into, ArraySegment<int>? positives)
    {
        using var lambda = args.Lambda.ToScalar();
        using var positiveStep = (-(1.0 + args.Lambda) / args.Lambda).ToScalar();
        var scaled = into is null
            ? torch.add(args.ScaledBias, z, lambda)
            : into.copy_(args.ScaledBias.expand_as(z)).add_(z, lambda);
        if (positives is { } listed)
        {
            MultiHotScan.AddScaled(scaled, listed, -(1.0 + args.Lambda) / args.Lambda);
            return scaled;
        }

        return scaled.addcmul_(scaled, args.Target, positiveStep);
    }

    /// <summary>The tracked v for <see cref="TrackedGradient"/>.</summary>
    private static Tensor TrackedPreActivation(Tensor z, DbArgs args)
    {
        using var lambda = args.Lambda.ToScalar();
        using var positiveStep = (-(1.0 + args.Lambda) / args.Lambda).ToScalar();
        var scaled = torch.add(args.ScaledBias, z, lambda);
        return scaled.addcmul(scaled, args.Target, positiveStep);
    }

    /// <summary>1 − σ, exactly rounded either way (the product 1·σ is exact), into <paramref name="into"/> when
    /// given.</summary>
    private static Tensor OneMinus(Tensor sig, Tensor? into)
    {
        using var one = 1.0.ToScalar();
        if (into is not null)
        {
            return into.fill_(one).sub_(sig);
        }

        using var minusOne = (-1.0).ToScalar();
        using var unit = torch.tensor(1.0, dtype: sig.dtype, device: sig.device);
        return torch.add(unit, sig, minusOne);
    }
}

/// <summary>The constants of one DB call (the node's only tensor input is the logits); [B, C] but the bias [C].</summary>
/// <param name="Target">The multi-hot targets t, in the logits' dtype.</param>
/// <param name="Weight">w = r̂_ic (times the Mean divisor), the smoothed re-balancing weight.</param>
/// <param name="ScaledBias">−λ·ν_c [C], the class-prior bias scaled as the negatives' logits are.</param>
/// <param name="Lambda">λ, the negative-tolerant scale.</param>
/// <param name="Elementwise">Whether the loss stays [B, C] (no reduction).</param>
/// <param name="Scratch">Two kept [B, C] tensors for v and 1 − σ(v) (<see cref="DbWorkspace"/>), or null to allocate
/// them (the functional form).</param>
/// <param name="Recipe">When the weight is a kept tensor, what remakes it: the node saves this instead (only a
/// <c>create_graph</c> backward needs the weight).</param>
/// <param name="Positions">The flat indices of the positives when the host scan listed them (sparse CPU targets),
/// else null.</param>
internal sealed record DbArgs(
    Tensor Target, Tensor Weight, Tensor ScaledBias, double Lambda, bool Elementwise, Tensor[]? Scratch = null,
    DbWeightRecipe? Recipe = null, ArraySegment<int>? Positions = null);

/// <summary>What <see cref="MultiLabelCore.Weight"/> needs besides the targets: 1/n_c [C], the settings and the Mean
/// divisor c.</summary>
internal sealed record DbWeightRecipe(Tensor InverseCounts, DbSettings Settings, double C);

/// <summary>The autograd node: forward saves the closed-form gradient, backward scales it by the upstream one.</summary>
internal sealed class DbFunction : autograd.SingleTensorFunction<DbFunction>
{
    private const string LambdaKey = "lambda";
    private const string ElementwiseKey = "elementwise";
    private const string RecipeKey = "recipe";

    public override string Name => "CbGenDistributionBalancedBackward";

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var z = (Tensor)vars[0];
        var args = (DbArgs)vars[1];
        var (loss, gradient) = DbKernel.Compute(z, args, gradient: true);
        // A kept weight is the module's, rewritten by its next call: save 1/n_c to remake it instead.
        var weightOrInverse = args.Recipe is null ? args.Weight : args.Recipe.InverseCounts;
        ctx.save_for_backward(new List<Tensor> { gradient!, z, args.Target, weightOrInverse, args.ScaledBias });
        ctx.save_data(RecipeKey, args.Recipe!);
        ctx.save_data(LambdaKey, args.Lambda);
        ctx.save_data(ElementwiseKey, args.Elementwise);
        return loss;
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var saved = ctx.get_saved_variables();
        try
        {
            if (!is_grad_enabled())
            {
                // A plain backward() of the loss sends 1: the saved gradient is then the answer (the Mean divisor is
                // in the weight). Checked on the CPU only, where reading the value costs no device sync.
                bool unit = grad_output.numel() == 1 && grad_output.device_type == DeviceType.CPU
                    && MultiLabelValidation.HostValue(grad_output) == 1.0;
                return new List<Tensor> { unit ? saved[0].detach() : saved[0].mul(grad_output), null! };
            }

            // create_graph: recompute the gradient from the saved logits with tracked ops, so that it is
            // differentiable with respect to them (the saved closed form is a constant).
            var recipe = ctx.get_data(RecipeKey) as DbWeightRecipe;
            Tensor weight;
            using (no_grad())
            {
                weight = recipe is null
                    ? saved[3]
                    : MultiLabelCore.Weight(saved[2], saved[3], recipe.Settings, recipe.C, null,
                        torch.empty_like(saved[2]));
            }

            var args = new DbArgs(saved[2], weight, saved[4], (double)ctx.get_data(LambdaKey),
                (bool)ctx.get_data(ElementwiseKey));
            var result = DbKernel.TrackedGradient(saved[1], args).mul(grad_output);
            if (recipe is not null)
            {
                weight.Dispose();
            }

            return new List<Tensor> { result, null! };
        }
        finally
        {
            foreach (var tensor in saved)
            {
                tensor.Dispose();
            }
        }
    }
}
