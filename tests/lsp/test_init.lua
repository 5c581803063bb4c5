-- The Neovim end-to-end test of `viewcheck lsp` (run by nvim_e2e_test.py):
--   nvim --headless --clean -u test_init.lua
-- Neovim 0.7's built-in client, no plugins: starts the server for the C file, waits for its
-- diagnostics, asks for code actions, applies "make a copy" to the unsaved buffer and waits for
-- the diagnostic to go, undoes and waits for it to come back; then edits a 5,000-line file and
-- times the change -> diagnostics round trip. Everything seen is written as JSON to VC_OUT, which
-- the driver checks. Always quits.
local bin = os.getenv('VIEWCHECK_BIN')
local file = os.getenv('VC_FILE')
local large = os.getenv('VC_LARGE')
local out = os.getenv('VC_OUT')
local root = os.getenv('VC_ROOT')

local results = { steps = {}, published = {} }
local published = {} -- uri -> list of {t = ms, params = ...}
local messages = {}

local function now_ms()
  return vim.loop.hrtime() / 1e6
end

local function step(name)
  table.insert(results.steps, name)
end

local function on_publish(err, result, ctx, config)
  published[result.uri] = published[result.uri] or {}
  table.insert(published[result.uri], { t = now_ms(), params = result })
  table.insert(results.published, { uri = result.uri, version = result.version,
                                    n = #result.diagnostics })
  return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
end

local function on_show(_, result)
  table.insert(messages, result.message)
end

local function count(uri)
  return published[uri] and #published[uri] or 0
end

local function latest(uri)
  local list = published[uri]
  return list and list[#list] or nil
end

-- the diagnostics Neovim holds for the buffer, with the LSP fields it keeps
local function buffer_diagnostics(buf)
  local out_list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(out_list, {
      lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code, source = d.source,
      severity = d.severity, message = d.message,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
      related = lsp.relatedInformation or {},
    })
  end
  return out_list
end

local function wait_publish(uri, after, pred, timeout)
  local found
  vim.wait(timeout or 20000, function()
    for i = after + 1, count(uri) do
      local p = published[uri][i]
      if pred(p.params) then
        found = p
        return true
      end
    end
    return false
  end, 10)
  return found
end

local function start_client()
  return vim.lsp.start_client({
    name = 'viewcheck',
    cmd = { bin, 'lsp' },
    root_dir = root,
    handlers = {
      ['textDocument/publishDiagnostics'] = on_publish,
      ['window/showMessage'] = on_show,
    },
    flags = { debounce_text_changes = 0 }, -- the server debounces (200 ms)
  })
end

local function main()
  local client_id = start_client()
  assert(client_id, 'the client started')

  -- 1. open the corpus file: diagnostics with lines, codes, related information
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  results.uri = uri
  local t_open = now_ms()
  vim.lsp.buf_attach_client(buf, client_id)
  local first = wait_publish(uri, 0, function(p) return #p.diagnostics > 0 end)
  assert(first, 'diagnostics for the opened file')
  results.open_ms = first.t - t_open
  vim.wait(1000, function() return #vim.diagnostic.get(buf) > 0 end, 10)
  results.diagnostics = buffer_diagnostics(buf)
  step('diagnostics')

  -- 2. code actions on the finding's line, as `vim.lsp.buf.code_action()` would ask
  local line = results.diagnostics[1].lnum
  local params = {
    textDocument = { uri = uri },
    range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 0 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, line) },
  }
  local answers = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000) or {}
  local actions = (answers[client_id] or {}).result or {}
  results.actions = {}
  local copy
  for _, a in ipairs(actions) do
    table.insert(results.actions, a.title)
    if a.title:find('a copy', 1, true) then
      copy = a
    end
  end
  step('code actions')

  -- 3. fix the bug in the buffer, unsaved, with the "make a copy" edit: the diagnostic goes
  assert(copy, 'a "make a copy" action')
  local before = count(uri)
  local t_fix = now_ms()
  vim.lsp.util.apply_workspace_edit(copy.edit, 'utf-16')
  local cleared = wait_publish(uri, before, function(p) return #p.diagnostics == 0 end)
  assert(cleared, 'the diagnostic disappears after the unsaved fix')
  results.fix_ms = cleared.t - t_fix
  results.modified = vim.api.nvim_buf_get_option(buf, 'modified')
  results.fixed_lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  vim.wait(500, function() return #vim.diagnostic.get(buf) == 0 end, 10)
  results.after_fix = #vim.diagnostic.get(buf)
  step('fixed')

  -- 4. undo: the finding comes back
  before = count(uri)
  local t_undo = now_ms()
  vim.cmd('undo')
  local back = wait_publish(uri, before, function(p) return #p.diagnostics > 0 end)
  assert(back, 'the diagnostic comes back after undo')
  results.undo_ms = back.t - t_undo
  results.after_undo = back.params.diagnostics
  step('undo')

  -- 5. a 5,000-line file: open, then insert a line near the top and time the round trip
  vim.cmd('edit ' .. vim.fn.fnameescape(large))
  local big = vim.api.nvim_get_current_buf()
  local big_uri = vim.uri_from_bufnr(big)
  local t_big = now_ms()
  vim.lsp.buf_attach_client(big, client_id)
  local opened = wait_publish(big_uri, 0, function(p) return #p.diagnostics > 0 end, 40000)
  assert(opened, 'diagnostics for the 5,000-line file')
  results.large_open_ms = opened.t - t_big
  results.large_line = opened.params.diagnostics[1].range.start.line
  results.large_changes = {}
  for k = 1, 3 do
    before = count(big_uri)
    local want = results.large_line + k
    local t0 = now_ms()
    vim.api.nvim_buf_set_lines(big, 2, 2, false, { '/* edited ' .. k .. ' */' })
    local moved = wait_publish(big_uri, before, function(p)
      return #p.diagnostics > 0 and p.diagnostics[1].range.start.line == want
    end, 40000)
    assert(moved, 'the finding follows the edit of the 5,000-line file')
    table.insert(results.large_changes, moved.t - t0)
  end
  step('large')

  results.messages = messages
  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end

local function finish()
  local ok, err = pcall(main)
  if not ok then
    results.error = tostring(err)
  end
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(results))
  f:close()
  vim.cmd('qa!')
end

vim.defer_fn(finish, 0)
