using Kit.Charts;
using Kit.Quizzes;
using Microsoft.DotNet.Interactive.Formatting;

namespace Kit.Interactive;

/// <summary>How Kit objects, XPlot.Plotly charts and Plotly.NET charts show in a notebook: all through <see cref="ChartHtml"/>.</summary>
public static class KitFormatters
{
    static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        Formatter.Register<Figure>((f, w) => w.Write(f.ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<Quiz>((q, w) => w.Write(QuizAnswers.Html(q)), HtmlFormatter.MimeType);
        Formatter.Register<Feedback>((f, w) => w.Write(FeedbackHtml(f)), HtmlFormatter.MimeType);
        Formatter.Register<XPlot.Plotly.PlotlyChart>((c, w) => w.Write(XPlotCharts.ToHtml(c)), HtmlFormatter.MimeType);
        PlotlyNetCharts.RegisterWhenLoaded();
    }

    static string FeedbackHtml(Feedback f) =>
        "<pre style=\"white-space:pre-wrap;font-family:inherit\">" + System.Net.WebUtility.HtmlEncode(f.ToString()) + "</pre>";
}
