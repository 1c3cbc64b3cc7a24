namespace Kit.Quizzes;

/// <summary>
/// The widget's CSS and script, scoped to one quiz element. Colours are translucent so light and dark themes both read;
/// the feedback colours are mixed half and half with the theme's own text colour, since no single green or red keeps
/// a 4.5 contrast on both a white and a dark background.
/// </summary>
static class QuizAssets
{
    public static string Css(string id) => $$$"""
        #{{{id}}}{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:14px;line-height:1.45;color:inherit;max-width:920px;border:1px solid rgba(128,128,128,.45);border-radius:8px;padding:12px 16px;margin:8px 0}
        #{{{id}}} .kq-head{display:flex;justify-content:space-between;font-weight:600;margin-bottom:8px}
        #{{{id}}} .kq-q{border-top:1px solid rgba(128,128,128,.3);padding:10px 0}
        #{{{id}}} .kq-case{margin:10px 0 0;padding:8px 12px;border-radius:6px;background:rgba(70,130,230,.10);border-left:4px solid rgba(70,130,230,.7)}
        #{{{id}}} .kq-case-title{font-weight:600;margin-bottom:4px}
        #{{{id}}} .kq-meta,#{{{id}}} .kq-hint{opacity:.65;font-size:12px}
        #{{{id}}} .kq-opts{display:flex;flex-direction:column;gap:4px;margin:6px 0}
        #{{{id}}} button{font:inherit;color:inherit;cursor:pointer}
        #{{{id}}} .kq-opt{text-align:left;background:rgba(128,128,128,.10);border:1px solid rgba(128,128,128,.45);border-radius:6px;padding:6px 10px}
        #{{{id}}} button:focus-visible,#{{{id}}} select:focus-visible,#{{{id}}} input:focus-visible{outline:2px solid rgba(70,130,230,.9);outline-offset:1px}
        #{{{id}}} .kq-opt[aria-pressed="true"]{background:rgba(70,130,230,.22);border-color:rgba(70,130,230,.9)}
        #{{{id}}} button[disabled],#{{{id}}} select[disabled],#{{{id}}} input[disabled]{cursor:default;opacity:.85}
        #{{{id}}} .kq-opt.kq-chosen-right{background:rgba(40,170,80,.25);border-color:rgba(40,170,80,.9)}
        #{{{id}}} .kq-opt.kq-chosen-wrong{background:rgba(220,60,60,.22);border-color:rgba(220,60,60,.9)}
        #{{{id}}} .kq-opt.kq-is-answer{border-width:2px;border-color:rgba(40,170,80,.9)}
        #{{{id}}} .kq-order{margin:6px 0;padding-left:24px}
        #{{{id}}} .kq-order li{margin:3px 0}
        #{{{id}}} .kq-order button,#{{{id}}} .kq-check,#{{{id}}} .kq-retry{background:rgba(128,128,128,.12);border:1px solid rgba(128,128,128,.55);border-radius:5px;padding:1px 9px;margin-left:4px}
        #{{{id}}} .kq-match{width:100%;table-layout:fixed;border-collapse:collapse}
        #{{{id}}} .kq-match td{padding:3px 8px 3px 0;vertical-align:top;overflow-wrap:anywhere}
        #{{{id}}} .kq-match td:first-child{width:45%}
        #{{{id}}} .kq-match select{width:100%;max-width:100%;box-sizing:border-box;text-overflow:ellipsis}
        #{{{id}}} select,#{{{id}}} input{font:inherit;color:inherit;background:transparent;border:1px solid rgba(128,128,128,.6);border-radius:5px;padding:2px 6px}
        #{{{id}}} select option{color:#111;background:#fff}
        #{{{id}}} .kq-expl,#{{{id}}} .kq-tip{margin:4px 0;padding:6px 10px;border-radius:6px;border-left:4px solid rgba(128,128,128,.6);background:rgba(128,128,128,.08)}
        #{{{id}}} .kq-expl.kq-right{border-left-color:rgba(40,170,80,.9)}
        #{{{id}}} .kq-expl.kq-wrong{border-left-color:rgba(220,60,60,.9)}
        #{{{id}}} .kq-msg{margin:4px 0;font-weight:600}
        #{{{id}}} .kq-q[data-result="right"] .kq-msg{color:rgb(30,150,70);color:color-mix(in srgb,rgb(30,150,70) 50%,currentColor)}
        #{{{id}}} .kq-q[data-result="wrong"] .kq-msg{color:rgb(210,60,60);color:color-mix(in srgb,rgb(210,60,60) 50%,currentColor)}
        #{{{id}}} .kq-save{margin:4px 0;font-size:12px;opacity:.85}
        #{{{id}}} .kq-save[data-saved="no"]{opacity:1;padding:6px 10px;border-radius:6px;border-left:4px solid rgba(230,150,30,.9);background:rgba(230,150,30,.10)}
        #{{{id}}} .kq-save code{user-select:all;word-break:break-all}
        #{{{id}}} .kq-foot{opacity:.7;font-size:12px;margin-top:6px}
        """;

    /// <param name="send">
    /// A JavaScript function (line of C#, quiz element) that runs the line in the host's kernel and returns a promise of
    /// the kernel's reply (rejected with the reason when the kernel did not save), or null where the page cannot reach a
    /// kernel; null itself: answers stay in the page and nothing is said about saving.
    /// </param>
    public static string Script(string id, string? send) => $$$"""
        (function(){
          var root=document.getElementById('{{{id}}}'); if(!root){return;}
          var qs=root.querySelectorAll('.kq-q'), total=qs.length;
          function score(){var c=root.querySelectorAll('.kq-q[data-result="right"]').length;root.querySelector('.kq-score').textContent=c+' / '+total+' correct';}
          function all(q,sel){return Array.prototype.slice.call(q.querySelectorAll(sel));}
          var send={{{send ?? "null"}}}, call={{{WidgetAnswers.CallScript}}};
          function text(box,t){box.appendChild(document.createTextNode(t));}
          function code(box,t){var c=document.createElement('code');c.textContent=t;box.appendChild(c);}
          function notSaved(box,why,line,cli){
            box.setAttribute('data-saved','no'); box.textContent='';
            text(box,'Not saved: '+why+' To save it, run this in a code cell: '); code(box,line);
            if(cli){text(box,' or in a terminal, in the Kit\'s folder: ');code(box,cli);}
          }
          function report(q,id,resp){
            // The host's transport runs the line in the kernel and returns a promise of the kernel's reply: it resolves
            // once the kernel saved the answer and rejects with the kernel's reason; null means no route to a kernel here.
            if(!send){return;}
            var seed=root.getAttribute('data-seed'), line=call(id,resp,seed), turn=(q.kitTurn||0)+1, box=q.querySelector('.kq-save');
            var cli=seed==='null'||seed==='{{{Quiz.DefaultSeed}}}'?'dotnet run --project src/Kit.Cli -- quiz answer '+id+' '+String(resp).replace(/[^A-Za-z0-9=,.+-]/g,'')+(seed==='null'?' --bank-order':''):null;
            q.kitTurn=turn; box.hidden=false;
            var reply=null; try{reply=send(line,root);}catch(e){reply=Promise.reject(e);}
            if(!reply){notSaved(box,'this page has no connection to the kernel (it only grades here).',line,cli);return;}
            box.setAttribute('data-saved','pending'); box.textContent='Saving to your progress…';
            reply.then(function(){if(q.kitTurn===turn){box.setAttribute('data-saved','yes');box.textContent='Saved to your progress (the kernel confirmed).';}},
                       function(e){if(q.kitTurn===turn){notSaved(box,(e&&e.message||String(e)).replace(/\s*$/,'')+'.',line,cli);}});
          }
          function same(a,b){if(a.length!==b.length){return false;}for(var i=0;i<a.length;i++){if(a[i]!==b[i]){return false;}}return true;}
          qs.forEach(function(q){
            var type=q.getAttribute('data-type'), answer=q.getAttribute('data-answer').split(','), msg=q.querySelector('.kq-msg');
            var check=q.querySelector('.kq-check'), retry=q.querySelector('.kq-retry');
            function controls(){return all(q,'button.kq-opt,.kq-order button,select,input,.kq-check');}
            function finish(right,shown,resp){
              q.setAttribute('data-result',right?'right':'wrong');
              msg.textContent=right?'Correct.':'Not quite.';
              controls().forEach(function(c){c.disabled=true;});
              all(q,'.kq-expl').forEach(function(e){e.hidden=!(e.classList.contains('kq-all')||shown.indexOf(e.getAttribute('data-for'))>=0);});
              var tip=q.querySelector('.kq-tip'); if(tip){tip.hidden=false;}
              retry.hidden=false; if(check){check.hidden=true;} score();
              report(q,q.getAttribute('data-id'),resp);
            }
            function markOptions(chosen){
              all(q,'.kq-opt').forEach(function(o){var k=o.getAttribute('data-key');
                if(chosen.indexOf(k)>=0){o.classList.add(answer.indexOf(k)>=0?'kq-chosen-right':'kq-chosen-wrong');}
                if(answer.indexOf(k)>=0){o.classList.add('kq-is-answer');}});
            }
            all(q,'.kq-opt').forEach(function(b){
              b.addEventListener('click',function(){
                var k=b.getAttribute('data-key');
                if(type==='single'){markOptions([k]);finish(k===answer[0],answer.concat([k]),k);return;}
                b.setAttribute('aria-pressed',b.getAttribute('aria-pressed')==='true'?'false':'true');
              });
            });
            all(q,'.kq-up,.kq-down').forEach(function(b){
              b.addEventListener('click',function(){
                var li=b.parentNode, list=li.parentNode;
                if(b.classList.contains('kq-up')&&li.previousElementSibling){list.insertBefore(li,li.previousElementSibling);}
                else if(b.classList.contains('kq-down')&&li.nextElementSibling){list.insertBefore(li.nextElementSibling,li);}
                b.focus();
              });
            });
            if(check){check.addEventListener('click',function(){
              msg.textContent='';
              if(type==='multiple'){
                var n=parseInt(q.getAttribute('data-choose'),10);
                var chosen=all(q,'.kq-opt[aria-pressed="true"]').map(function(o){return o.getAttribute('data-key');});
                if(chosen.length!==n){msg.textContent='Choose exactly '+n+'.';return;}
                markOptions(chosen); finish(same(chosen.slice().sort(),answer.slice().sort()),answer.concat(chosen),chosen.join(','));
              } else if(type==='ordering'){
                var order=all(q,'.kq-order li').map(function(li){return li.getAttribute('data-key');});
                finish(same(order,answer),[],order.join(','));
              } else if(type==='matching'){
                var sels=all(q,'select'); if(sels.some(function(s){return !s.value;})){msg.textContent='Match every item first.';return;}
                var given=sels.map(function(s){return s.getAttribute('data-item')+'='+s.value;});
                finish(same(given.slice().sort(),answer.slice().sort()),[],given.join(','));
              } else if(type==='numeric'){
                var raw=q.querySelector('.kq-num').value.trim().replace(',','.'), v=parseFloat(raw);
                if(raw===''||isNaN(v)){msg.textContent='Type a number first.';return;}
                finish(Math.abs(v-parseFloat(q.getAttribute('data-value')))<=parseFloat(q.getAttribute('data-tol')),[],raw);
              }
            });}
            retry.addEventListener('click',function(){
              controls().forEach(function(c){c.disabled=false;});
              all(q,'.kq-opt').forEach(function(o){o.classList.remove('kq-chosen-right','kq-chosen-wrong','kq-is-answer');o.setAttribute('aria-pressed','false');});
              all(q,'.kq-expl,.kq-tip').forEach(function(e){e.hidden=true;});
              all(q,'select').forEach(function(s){s.value='';});
              var num=q.querySelector('.kq-num'); if(num){num.value='';}
              q.removeAttribute('data-result'); msg.textContent=''; retry.hidden=true; if(check){check.hidden=false;} score();
              var save=q.querySelector('.kq-save'); save.hidden=true; save.textContent=''; save.removeAttribute('data-saved'); q.kitTurn=(q.kitTurn||0)+1;
              var first=q.querySelector('button.kq-opt,.kq-order button,select,input'); if(first){first.focus();}
            });
          });
        })();
        """;
}
