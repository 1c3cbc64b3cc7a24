using System.Text.Json;
using Kit.Quizzes;

namespace Kit.Browser.Tests;

/// <summary>The quizzes the browser tests render: one question of every format plus a case study, and a hostile one.</summary>
static class Quizzes
{
    static Quiz From(string json) => Quiz.From(QuizBank.Parse(json, "inline"));

    /// <summary>Seven questions in bank order (no shuffling): s, m, o, x, n, then case study cs with c1 and c2.</summary>
    public static Quiz EveryFormat() => From("""
        {"topic":"browser-check","title":"Widget check","questions":[
          {"id":"s","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"Which activation keeps its output between 0 and 1?",
           "options":[{"key":"A","text":"ReLU","explanation":"ReLU has no upper bound."},
                      {"key":"B","text":"Sigmoid","explanation":"The logistic curve stays inside (0, 1)."},
                      {"key":"C","text":"Tanh","explanation":"Tanh spans -1 to 1."},
                      {"key":"D","text":"Linear","explanation":"A linear unit is unbounded."}],
           "answer":["B"],"tip":"Bounded outputs suit probabilities."},
          {"id":"m","type":"multiple","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"Which two reduce overfitting? (Choose TWO.)",
           "options":[{"key":"A","text":"More epochs","explanation":"Training longer tends to overfit more."},
                      {"key":"B","text":"Dropout","explanation":"Dropout regularises by silencing units at random."},
                      {"key":"C","text":"A bigger network","explanation":"More capacity memorises more."},
                      {"key":"D","text":"Early stopping","explanation":"Stopping at the best validation loss limits overfitting."}],
           "answer":["B","D"],"choose":2},
          {"id":"o","type":"ordering","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"Order one training step.",
           "options":[{"key":"A","text":"Compute the loss","explanation":"The loss needs the forward pass first."},
                      {"key":"B","text":"Update the weights","explanation":"The optimizer steps last."},
                      {"key":"C","text":"Forward pass","explanation":"Predictions come first."},
                      {"key":"D","text":"Backward pass","explanation":"Gradients follow the loss."}],
           "answer":["C","A","D","B"]},
          {"id":"x","type":"matching","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"Match each task to its metric.",
           "items":[{"key":"1","text":"Spam filter","explanation":"A false positive hides real mail, so precision."},
                    {"key":"2","text":"Cancer screening","explanation":"A missed case costs most, so recall."}],
           "options":[{"key":"A","text":"Precision","explanation":"p"},{"key":"B","text":"Recall","explanation":"r"},{"key":"C","text":"Accuracy","explanation":"a"}],
           "answer":["1=A","2=B"]},
          {"id":"n","type":"numeric","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"Precision with TP=40 and FP=10?",
           "value":0.8,"tolerance":0.005,"solution":"40 / (40 + 10) = 0.8","compute":{"formula":"precision","args":{"tp":40,"fp":10}}}],
         "caseStudies":[{"id":"cs","title":"Card fraud","section":"S","scenario":"A bank scores every card payment for fraud in real time.","questions":[
          {"id":"c1","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"Which metric matters most when fraud is rare?",
           "options":[{"key":"A","text":"PR AUC","explanation":"It focuses on the rare positive class."},
                      {"key":"B","text":"Accuracy","explanation":"Predicting 'no fraud' always scores high."}],
           "answer":["A"]},
          {"id":"c2","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"Which loss suits the imbalance?",
           "options":[{"key":"A","text":"Mean squared error","explanation":"A regression loss."},
                      {"key":"B","text":"Hinge loss","explanation":"No class weighting by itself."},
                      {"key":"C","text":"Weighted cross-entropy","explanation":"Weights the rare class up."}],
           "answer":["C"]}]}]}
        """);

    /// <summary>Markup that would run if any text reached the page unescaped.</summary>
    public const string Payload = """<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">""";

    /// <summary>The payload in every text a bank file can hold: title, prompts, options, items, explanations, tip, solution, case study.</summary>
    public static Quiz Hostile()
    {
        var p = JsonSerializer.Serialize(Payload);
        return From("""
            {"topic":"hostile","title":@P,"questions":[
              {"id":"s","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":@P,"tip":@P,
               "options":[{"key":"A","text":@P,"explanation":@P},{"key":"B","text":@P,"explanation":@P}],"answer":["B"]},
              {"id":"o","type":"ordering","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":@P,
               "options":[{"key":"A","text":@P,"explanation":@P},{"key":"B","text":@P,"explanation":@P}],"answer":["B","A"]},
              {"id":"x","type":"matching","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":@P,
               "items":[{"key":"1","text":@P,"explanation":@P},{"key":"2","text":@P,"explanation":@P}],
               "options":[{"key":"A","text":@P,"explanation":@P},{"key":"B","text":@P,"explanation":@P}],"answer":["1=A","2=B"]},
              {"id":"n","type":"numeric","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":@P,"solution":@P,
               "value":0.8,"tolerance":0.005,"compute":{"formula":"precision","args":{"tp":40,"fp":10}}}],
             "caseStudies":[{"id":"cs","title":@P,"section":"S","scenario":@P,"questions":[
              {"id":"c1","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":@P,
               "options":[{"key":"A","text":@P,"explanation":@P},{"key":"B","text":@P,"explanation":@P}],"answer":["A"]},
              {"id":"c2","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":@P,
               "options":[{"key":"A","text":@P,"explanation":@P},{"key":"B","text":@P,"explanation":@P}],"answer":["A"]}]}]}
            """.Replace("@P", p));
    }
}
