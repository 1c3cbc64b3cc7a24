using Kit.AutoML;
using Kit.Tests.Lessons;

namespace Kit.Tests;

/// <summary>Lesson 11's claims about its leaderboard, run as the lesson runs them, over seeds (the seed of every candidate's fit).</summary>
[Collection(TorchCollection.Name)]
public class AutoMLClaimTests
{
    [Fact]
    public void The_lessons_leaderboard_has_six_candidates_ranked_by_f1_and_a_rerun_gives_the_same_scores()
    {
        var first = Lesson11.Run(Lesson11.Algorithms());
        var second = Lesson11.Run(Lesson11.Algorithms());
        Assert.Equal(6, first.Ranked.Count);
        Assert.All(first.Ranked, r => Assert.Null(r.Failure));
        Assert.Equal(first.Ranked.Select(r => r.Score).OrderDescending(), first.Ranked.Select(r => r.Score));
        Assert.Equal(first.Ranked.Select(r => (r.Candidate.Name, r.Score)), second.Ranked.Select(r => (r.Candidate.Name, r.Score)));
    }

    [Fact]
    public void Standardising_the_columns_raises_the_mlps_f1_at_every_seed()
    {
        var mlp = Lesson11.Algorithms().Where(a => a.Name == "MLP").ToArray();
        Seeds.Every(seed =>
        {
            var board = Lesson11.Run(mlp, seed);
            double Score(Preprocessing p) => board.Ranked.Single(r => r.Candidate.Preprocessing == p).Score;
            Assert.True(Score(Preprocessing.Standardize) > Score(Preprocessing.None) + 0.02, $"standardized {Score(Preprocessing.Standardize):F4}, raw {Score(Preprocessing.None):F4}");
        });
    }

    [Fact]
    public void A_standardised_candidate_beats_every_tree_at_every_seed()
    {
        Seeds.Every(seed =>
        {
            var board = Lesson11.Run(Lesson11.Algorithms(), seed);
            double bestTree = board.Ranked.Where(r => r.Candidate.Algorithm.Name is "random forest" or "gradient boosting").Max(r => r.Score);
            Assert.Equal(Preprocessing.Standardize, board.Best.Candidate.Preprocessing);
            Assert.True(board.Best.Score > bestTree, $"best {board.Best.Candidate} {board.Best.Score:F4}, best tree {bestTree:F4}");
        });
    }
}
