/* Material for MkDocs 9.8.2, partials/javascripts/base.html: the same code, served as a file so that
 * the Content-Security-Policy (overrides/main.html) can forbid inline scripts.
 *
 * One line added at the end: the <html> element's class "no-js" becomes "js" here, in the <head>, before any of
 * the body is parsed. Material's script makes the same swap when it starts, after the page is drawn, and there
 * the change makes the browser restyle every element of the page (about 75 ms under Lighthouse's 4x CPU slowdown
 * on the longest figure page); done here it costs nothing, and Material's own swap then changes nothing. */
__md_scope=new URL(document.currentScript.getAttribute("data-md-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
document.documentElement.className="js js-focus-visible",document.documentElement.setAttribute("data-js-focus-visible","");
