#!/usr/bin/python3
"""Optuna's side of `Kit.Benchmarks tuning`: Optuna 3.1 proposes, the Kit's process trains (ask-and-tell over pipes).

Both sides then evaluate the very same objective (a TorchSharp MLP on digits, trained in the C# process), so the
comparison is about the search alone. Protocol, one JSON object per line:
  peer → kit  {"optuna": version}                      once
  peer → kit  {"params": {...}}                        a trial to train
  kit → peer  {"epoch": e, "value": v}                 after each epoch, only with --pruner hyperband
  peer → kit  {"prune": true|false}                    the pruner's answer
  kit → peer  {"value": v}                             the trial's final objective (maximised)
Alone:  /usr/bin/python3 tuning_peer.py --seed 0 --trials 30 --pruner none
"""
import argparse, json, sys
import optuna
from optuna.distributions import FloatDistribution, IntDistribution

ap = argparse.ArgumentParser()
ap.add_argument("--seed", type=int, required=True)
ap.add_argument("--trials", type=int, required=True)
ap.add_argument("--pruner", choices=["none", "hyperband"], default="none")
ap.add_argument("--min-epochs", type=int, default=1)
ap.add_argument("--max-epochs", type=int, default=9)
a = ap.parse_args()

optuna.logging.set_verbosity(optuna.logging.WARNING)
pruner = (optuna.pruners.HyperbandPruner(min_resource=a.min_epochs, max_resource=a.max_epochs, reduction_factor=3)
          if a.pruner == "hyperband" else optuna.pruners.NopPruner())
study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=a.seed), pruner=pruner)
space = {
    "learning_rate": FloatDistribution(1e-4, 0.3, log=True),
    "width": IntDistribution(8, 128, log=True),
    "depth": IntDistribution(1, 3),
    "weight_decay": FloatDistribution(1e-6, 1e-1, log=True),
}

def send(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()

send({"optuna": optuna.__version__})
for _ in range(a.trials):
    trial = study.ask(space)
    send({"params": trial.params})
    while True:
        msg = json.loads(sys.stdin.readline())
        if "epoch" in msg:
            trial.report(msg["value"], msg["epoch"])
            pruned = trial.should_prune()
            send({"prune": pruned})
            if pruned:
                study.tell(trial, state=optuna.trial.TrialState.PRUNED)
                break
        else:
            study.tell(trial, msg["value"])
            break
