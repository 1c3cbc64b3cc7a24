using System.Net;
using System.Text;

namespace Kit.Charts;

/// <summary>
/// The single HTML path every chart takes (Kit figures, XPlot.Plotly and Plotly.NET charts):
/// a div plus a script that waits for <c>window.Plotly</c>, which the Kit's setup cell puts on the page
/// once. Outputs stay small, and a notebook reopened without a kernel draws again in order.
/// </summary>
public static class ChartHtml
{
    static int _counter;

    public static string Render(string dataJson, string layoutJson, string? configJson = null, string? framesJson = null, int height = 420)
    {
        var id = $"kit-chart-{Guid.NewGuid():N}"[..22] + Interlocked.Increment(ref _counter);
        // Each line a long title is wrapped into adds to the chart instead of taking it from the plot area.
        height += ReadableLayout.TitleLineHeight * ReadableLayout.AddedTitleLines(layoutJson);
        layoutJson = ReadableLayout.Layout(layoutJson);
        height = ReadableLayout.ReadableHeight(layoutJson, height);
        var sb = new StringBuilder();
        sb.Append($"<div id=\"{id}\" class=\"kit-chart\" style=\"width:100%;height:{height}px;\"></div>\n");
        sb.Append("<script type=\"text/javascript\">\n(function(){\n");
        sb.Append($"var id='{id}';\n");
        sb.Append($"var data={Safe(dataJson)};\nvar layout={Safe(layoutJson)};\nvar config={Safe(ReadableLayout.Config(configJson))};\nvar frames={Safe(framesJson ?? "[]")};\n");
        sb.Append("""
            var tries=0;
            function draw(){
              var el=document.getElementById(id); if(!el){return;}
              if(tries>=300){el.innerHTML='';}
              var dark=document.body&&(document.body.classList.contains('vscode-dark')||document.body.getAttribute('data-jp-theme-light')==='false');
              if(dark&&!layout.template){layout.font=Object.assign({color:'#ddd'},layout.font||{});layout.paper_bgcolor=layout.paper_bgcolor||'rgba(0,0,0,0)';layout.plot_bgcolor=layout.plot_bgcolor||'rgba(0,0,0,0)';}
              window.Plotly.newPlot(el,data,layout,config).then(function(){ if(frames.length){ return window.Plotly.addFrames(el,frames); } });
            }
            (function wait(){
              if(window.Plotly&&window.Plotly.newPlot){draw();return;}
              var el=document.getElementById(id); if(!el){return;}
              // After 15 s say what brings the library back, and keep waiting: the chart draws as soon as it is there.
              if(++tries===300){el.innerHTML='<p style="color:#b00">The chart library (plotly.js) is not on this page, which happens after the page is reloaded: run the Kit setup cell (the first code cell) again and this chart draws.</p>';}
              setTimeout(wait,tries<300?50:1000);
            })();
            })();
            </script>
            """);
        return sb.ToString();
    }

    public static string Page(string title, string body) =>
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(title) + "</title>\n" +
        PlotlyJs.ScriptTag() + "\n</head><body>\n" + body + "\n</body></html>\n";

    /// <summary>JSON inside a script element must not be able to close it.</summary>
    static string Safe(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "<\\!--", StringComparison.Ordinal);
}
