namespace Kit.Interactive;

/// <summary>
/// The quiz widget's route to the kernel that drew it, as a JavaScript function (line of C#, quiz element) → a promise
/// of the kernel's reply, or null where the page has no route. Tried in order:
/// VS Code Polyglot Notebooks' <c>window.interactive</c>; the classic Jupyter Notebook's <c>Jupyter.notebook.kernel</c>;
/// JupyterLab 4 / Notebook 7 started with <c>--LabApp.expose_app_in_browser=True</c> (<c>--JupyterNotebookApp.…</c>), which
/// sets <c>window.jupyterapp</c>: the notebook panel holding the quiz gives its kernel. Without that setting JupyterLab and
/// SageMaker Studio give an output's script no handle to the kernel, so there the widget shows the line to run instead.
/// Every route runs the line silently (no output, no history) and reports the kernel's own reply.
/// </summary>
static class KernelTransport
{
    internal const string Script = """
        function(code,el){
          function why(text){
            var first=String(text||'the kernel reported an error').split('\n')[0].replace(/^[A-Za-z.]*Exception: /,'');
            return first==='compilation error'?'this kernel does not have the Kit loaded (run the setup cell first).':first;
          }
          function jupyter(kernel){
            return new Promise(function(ok,fail){
              kernel.execute(code,{shell:{reply:function(m){var c=m.content||{};if(c.status==='ok'){ok();}else{fail(new Error(why(c.evalue||c.ename)));}}}},{silent:true,store_history:false});
            });
          }
          function lab(app){
            var panels=Array.from(app.shell.widgets('main')).filter(function(w){return w.node&&w.node.contains(el)&&w.sessionContext;});
            var kernel=panels.length&&panels[0].sessionContext.session&&panels[0].sessionContext.session.kernel;
            if(!kernel){return null;}
            return kernel.requestExecute({code:code,silent:true,store_history:false}).done.then(function(m){
              var c=m.content||{};if(c.status!=='ok'){throw new Error(why(c.evalue||c.ename));}
            });
          }
          var ik=window.interactive, k=ik&&ik.csharp;
          if(k&&typeof k.submitCode==='function'){return Promise.resolve(k.submitCode(code)).catch(function(e){throw new Error(why(e&&e.message||e));});}
          if(ik&&typeof ik.submitCode==='function'){return Promise.resolve(ik.submitCode(code,'csharp')).catch(function(e){throw new Error(why(e&&e.message||e));});}
          var nb=window.Jupyter&&window.Jupyter.notebook;
          if(nb&&nb.kernel&&typeof nb.kernel.execute==='function'){return jupyter(nb.kernel);}
          if(window.jupyterapp&&window.jupyterapp.shell&&el){return lab(window.jupyterapp);}
          return null;
        }
        """;
}
