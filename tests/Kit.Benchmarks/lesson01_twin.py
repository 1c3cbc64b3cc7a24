# PyTorch twin of notebooks/01-neural-network-basics-and-activations.ipynb for the memory benchmark: the same
# experiments at the same sizes, one "# %%" block per code cell, run in a Python (ipykernel) kernel. Charts are built
# as plain data (no plotting library is installed for the peers), so the twin's figure is a floor for a Python lesson.
# %%
import json, math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(42)
torch.set_num_threads(1)
# %%
inputs, weights, bias = [0.5, -1.0, 2.0], [0.8, 0.2, 0.5], -0.3
z = bias + sum(w * i for w, i in zip(weights, inputs))
output_by_hand = 1 / (1 + math.exp(-z))
print(f"z = {z:.4f}   sigma(z) = {output_by_hand:.6f}")
# %%
neuron = nn.Linear(3, 1)
with torch.no_grad():
    neuron.weight.copy_(torch.tensor([[0.8, 0.2, 0.5]]))
    neuron.bias.fill_(-0.3)
out1 = torch.sigmoid(neuron(torch.tensor([[0.5, -1.0, 2.0]])))
print(abs(out1.item() - output_by_hand) < 1e-6)
# %%
xs = torch.linspace(-4, 4, 9, dtype=torch.float64, requires_grad=True)
sig = torch.sigmoid(xs)
sig.sum().backward()
print(xs.grad)
# %%
grid = torch.linspace(-5, 5, 201, requires_grad=True)
curves = {}
for name, f in [("sigmoid", torch.sigmoid), ("tanh", torch.tanh), ("relu", F.relu), ("leaky", lambda t: F.leaky_relu(t, 0.01))]:
    y = f(grid)
    g, = torch.autograd.grad(y.sum(), grid)
    curves[name] = json.dumps({"x": grid.tolist(), "y": y.tolist(), "dy": g.tolist()})
# %%
probs = F.softmax(torch.tensor([2.0, 1.0, 0.1, -1.0]), 0)
print(probs, probs.sum())
# %%
def moons(n, noise, seed):
    rng = np.random.default_rng(seed)
    a = n // 2
    t1, t2 = np.linspace(0, np.pi, a), np.linspace(0, np.pi, n - a)
    x = np.vstack([np.c_[np.cos(t1), np.sin(t1)], np.c_[1 - np.cos(t2), 1 - np.sin(t2) - 0.5]])
    x += rng.normal(scale=noise, size=x.shape)
    y = np.r_[np.zeros(a), np.ones(n - a)]
    return torch.tensor(x, dtype=torch.float32), torch.tensor(y, dtype=torch.int64)
X, y = moons(600, 0.2, 1)
Xtest, ytest = moons(600, 0.2, 2)
scatter = json.dumps({"x": X[:, 0].tolist(), "y": X[:, 1].tolist(), "c": y.tolist()})
# %%
def mlp(width, depth, act, init=None, seed=0):
    torch.manual_seed(seed)
    layers, d = [], 2
    for _ in range(depth):
        layers.append(nn.Linear(d, width)); d = width
        if act is not None: layers.append(act())
    layers.append(nn.Linear(d, 1))
    net = nn.Sequential(*layers)
    for m in net:
        if isinstance(m, nn.Linear) and init is not None: init(m.weight)
    return net
linear_stack, relu_mlp = mlp(16, 3, None), mlp(16, 3, nn.ReLU)
# %%
def fit(net, X, y, epochs, lr):
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    losses = []
    for _ in range(epochs):
        opt.zero_grad()
        loss = F.binary_cross_entropy_with_logits(net(X).squeeze(1), y.float())
        loss.backward(); opt.step(); losses.append(loss.item())
    return losses
def accuracy(net, X, y):
    with torch.no_grad(): return ((net(X).squeeze(1) > 0).long() == y).float().mean().item()
linear_fit, relu_fit = fit(linear_stack, X, y, 400, 0.02), fit(relu_mlp, X, y, 400, 0.02)
print(accuracy(linear_stack, Xtest, ytest), accuracy(relu_mlp, Xtest, ytest))
# %%
def boundary(net, steps=60):
    g = torch.linspace(-2, 3, steps)
    gx, gy = torch.meshgrid(g, g, indexing="xy")
    with torch.no_grad(): return torch.sigmoid(net(torch.stack([gx.flatten(), gy.flatten()], 1))).reshape(steps, steps).tolist()
boundaries = json.dumps([boundary(linear_stack), boundary(relu_mlp)])
# %%
with torch.no_grad():
    w, b = None, None
    for m in linear_stack:
        w = m.weight if w is None else m.weight @ w
        b = m.bias if b is None else m.weight @ b + m.bias
    gap = (linear_stack(Xtest) - (Xtest @ w.T + b)).abs().max().item()
print(gap)
# %%
deep_sigmoid = mlp(32, 15, nn.Sigmoid, nn.init.xavier_uniform_)
deep_relu = mlp(32, 15, nn.ReLU, lambda w: nn.init.kaiming_uniform_(w, nonlinearity="relu"))
def layer_grad_norms(net):
    net.zero_grad()
    F.binary_cross_entropy_with_logits(net(X).squeeze(1), y.float()).backward()
    return [m.weight.grad.norm().item() for m in net if isinstance(m, nn.Linear)]
print(layer_grad_norms(deep_sigmoid)[0], layer_grad_norms(deep_relu)[0])
# %%
fit(deep_sigmoid, X, y, 150, 0.01); fit(deep_relu, X, y, 150, 0.01)
# %%
relu_net, leaky_net = mlp(16, 2, nn.ReLU), mlp(16, 2, nn.LeakyReLU)
with torch.no_grad():
    for net in (relu_net, leaky_net): net[0].bias[:8] = -10
# %%
fit(relu_net, X, y, 300, 0.02); fit(leaky_net, X, y, 300, 0.02)
with torch.no_grad(): print((relu_net[1](relu_net[0](X)) == 0).all(0).sum().item())
