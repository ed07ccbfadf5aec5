using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnistLongTail
{
    /// <summary>The demo's classifier: an MLP 784-512-ReLU-256-ReLU-10 on flattened, standardised pixels.</summary>
    public sealed class Mlp : nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc1;
        private readonly Linear fc2;
        private readonly Linear head;

        /// <summary>Creates the MLP with TorchSharp's default (Kaiming-uniform) initialisation, drawn from torch's
        /// global generator: call <c>torch.manual_seed</c> first for reproducible weights.</summary>
        /// <param name="inputs">Input features (784).</param>
        /// <param name="hidden1">First hidden width (512).</param>
        /// <param name="hidden2">Second hidden width (256).</param>
        /// <param name="classes">Output logits (10).</param>
        public Mlp(int inputs, int hidden1, int hidden2, int classes)
            : base(nameof(Mlp))
        {
            fc1 = nn.Linear(inputs, hidden1);
            fc2 = nn.Linear(hidden1, hidden2);
            head = nn.Linear(hidden2, classes);
            RegisterComponents();
        }

        /// <summary>The last layer, whose bias the sigmoid and focal runs initialise to <c>-log(C-1)</c>.</summary>
        public Linear Head => head;

        /// <inheritdoc />
        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            var h = nn.functional.relu(fc1.call(input));
            h = nn.functional.relu(fc2.call(h));
            return head.call(h).MoveToOuterDisposeScope();
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                fc1.Dispose();
                fc2.Dispose();
                head.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
