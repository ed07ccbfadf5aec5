using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// The class-index focal loss as one autograd node whose forward also computes the gradient in closed form, so a
/// training step costs about ten element-wise passes over [B, C] and one node instead of the nine nodes (and
/// their backward ops) of the same maths written as autograd-tracked tensor ops.
/// </summary>
/// <remarks>
/// <para>With signs s = 2t − 1, q = s·z, ℓ = log σ(q) = log p_t and d = ℓ − q = log(1 − p_t) (both ≤ 0 and
/// finite for every finite z), the element loss is f = w·m·ℓ with m = exp(γ·d) = (1 − p_t)^γ and
/// w = −α_{y_i}/n, and ∂f/∂z = s·w·m·((1 − p_t) − γ·p_t·ℓ). p_t comes from <c>sigmoid(q)</c> and 1 − p_t from
/// exp(d), so neither is 1 minus a number close to 1: the gradient keeps its relative accuracy for
/// well-classified elements (p_t → 1, gradient ~ e^{−q}) and stays finite for |z| ≫ 88.</para>
/// <para>Second-order gradients (<c>create_graph: true</c>) are exact too: the backward then recomputes the
/// closed-form gradient from the saved logits with tracked ops, so it is differentiable again.</para>
/// </remarks>
internal static class FocalKernel
{
    /// <summary>
    /// Σ of (or, with <paramref name="elementwise"/>, the [B, C]) element losses w_i·(1 − p_t)^γ·log p_t for
    /// logits <paramref name="z"/> [B, C], signs <paramref name="signs"/> [B, C] and row weights
    /// <paramref name="rowWeights"/> [B, 1] (negative: −α_{y_i}/n). Tensors in the current dispose scope.
    /// </summary>
    internal static Tensor Loss(Tensor z, Tensor signs, Tensor rowWeights, double gamma, bool elementwise)
    {
        var args = new FocalArgs(signs, rowWeights, gamma, elementwise);
        if (!is_grad_enabled() || !z.requires_grad)
        {
            using var guard = no_grad();
            return Compute(z, args, gradient: false, inPlace: true).Loss;
        }

        return FocalFunction.apply(z, args);
    }

    /// <summary>The loss and, when asked, ∂loss/∂z (for a unit upstream gradient per element).</summary>
    internal static (Tensor Loss, Tensor? Gradient) Compute(Tensor z, FocalArgs args, bool gradient, bool inPlace)
    {
        var s = args.Signs;
        var q = z.mul(s);
        var logPt = logsigmoid(q);
        var d = logPt.sub(q);                                   // log(1 − p_t) ≤ 0
        Tensor oneMinusPt;
        Tensor modulator;                                       // (1 − p_t)^γ
        if (args.Gamma == 1.0)
        {
            modulator = oneMinusPt = inPlace ? d.exp_() : d.exp();
        }
        else
        {
            oneMinusPt = gradient ? d.exp() : d;                // only the gradient needs 1 − p_t itself
            using var g = args.Gamma.ToScalar();
            modulator = inPlace ? d.mul_(g).exp_() : d.mul(g).exp();
        }

        var weighted = modulator.mul(args.RowWeights);          // w·m, w = −α/n ≤ 0
        var loss = args.Elementwise ? weighted.mul(logPt) : weighted.reshape(-1).dot(logPt.reshape(-1));
        if (!gradient)
        {
            return (loss, null);
        }

        // ∂f/∂q = w·m·((1 − p_t) − γ·p_t·ℓ); ∂f/∂z = s·∂f/∂q.
        using var minusGamma = (-args.Gamma).ToScalar();
        var grad = addcmul(oneMinusPt, q.sigmoid(), logPt, minusGamma);
        grad = inPlace ? grad.mul_(weighted).mul_(s) : grad.mul(weighted).mul(s);
        return (loss, grad);
    }
}

/// <summary>The constants of one focal call (the node's only tensor input is the logits).</summary>
/// <param name="Signs">[B, C]: 2t − 1, so z·s is the logit of the true outcome of each binary term.</param>
/// <param name="RowWeights">[B, 1]: −α_{y_i}/n, negative so the sum of log p_t terms is the loss.</param>
/// <param name="Gamma">The focusing parameter γ.</param>
/// <param name="Elementwise">Whether the loss stays [B, C] (no reduction).</param>
internal sealed record FocalArgs(Tensor Signs, Tensor RowWeights, double Gamma, bool Elementwise);

/// <summary>The autograd node: forward saves the closed-form gradient, backward scales it by the upstream one.</summary>
internal sealed class FocalFunction : autograd.SingleTensorFunction<FocalFunction>
{
    private const string GammaKey = "gamma";
    private const string ElementwiseKey = "elementwise";

    public override string Name => "CbGenFocalBackward";

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var z = (Tensor)vars[0];
        var args = (FocalArgs)vars[1];
        var (loss, gradient) = FocalKernel.Compute(z, args, gradient: true, inPlace: true);
        ctx.save_for_backward(new List<Tensor> { gradient!, z, args.Signs, args.RowWeights });
        ctx.save_data(GammaKey, args.Gamma);
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
                return new List<Tensor> { saved[0].mul(grad_output), null! };
            }

            // create_graph: recompute the gradient from the saved logits with tracked ops, so that it is
            // differentiable with respect to them (the saved closed form is a constant).
            var args = new FocalArgs(saved[2], saved[3], (double)ctx.get_data(GammaKey), (bool)ctx.get_data(ElementwiseKey));
            var (_, gradient) = FocalKernel.Compute(saved[1], args, gradient: true, inPlace: false);
            return new List<Tensor> { gradient!.mul(grad_output), null! };
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
